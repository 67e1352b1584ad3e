package io.vlinkd.daemon.resource.link;

import static org.assertj.core.api.Assertions.assertThat;

import io.vlinkd.daemon.resource.PlannedType;
import io.vlinkd.daemon.resource.ResourceTypes;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Links as a registered type: planned first (the later types learn from their plan which links are created, deleted
 * and re-created), then every resource type in its order. What the link plan does: PlanRendererTest and the
 * reconciler's tests (ReconcilerTest, MixedChangeTest...).
 */
class LinkTypeTest {

    @Test
    void linksArePlannedFirstThenEveryResourceType() {
        List<PlannedType> expected = new ArrayList<>();
        expected.add(LinkType.TYPE);
        expected.addAll(ResourceTypes.ALL);
        assertThat(ResourceTypes.PLANNED).containsExactlyElementsOf(expected);
    }
}
