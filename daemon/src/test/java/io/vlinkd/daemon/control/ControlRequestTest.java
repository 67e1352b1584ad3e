package io.vlinkd.daemon.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ControlRequestTest {

    @Test
    void roundTripsThroughOneLine() throws Exception {
        ControlRequest r = ControlRequest.of("apply").with("confirm-timeout", "60");
        assertThat(r.format()).isEqualTo("apply confirm-timeout=60");
        assertThat(ControlRequest.parse(r.format())).isEqualTo(r);
    }

    @Test
    void refusesUnknownVerbsAndArguments() {
        assertThatThrownBy(() -> ControlRequest.parse("format-disk")).hasMessageContaining("unknown verb");
        assertThatThrownBy(() -> ControlRequest.parse("status color=red")).hasMessageContaining("unknown argument");
        assertThatThrownBy(() -> ControlRequest.parse("status json")).hasMessageContaining("not key=value");
        assertThatThrownBy(() -> ControlRequest.parse("status json=a;b")).hasMessageContaining("bad value");
        assertThatThrownBy(() -> ControlRequest.parse("plan format=ip format=ip")).hasMessageContaining("twice");
        assertThatThrownBy(() -> ControlRequest.parse("")).hasMessageContaining("empty");
    }

    @Test
    void replyLinesParseBack() throws Exception {
        assertThat(ReplyLine.parse(new ReplyLine.Out("a b").format())).isEqualTo(new ReplyLine.Out("a b"));
        assertThat(ReplyLine.parse(new ReplyLine.Err("").format())).isEqualTo(new ReplyLine.Err(""));
        assertThat(ReplyLine.parse("exit 3")).isEqualTo(new ReplyLine.Exit(3));
        assertThatThrownBy(() -> ReplyLine.parse("hello")).hasMessageContaining("unexpected");
    }
}
