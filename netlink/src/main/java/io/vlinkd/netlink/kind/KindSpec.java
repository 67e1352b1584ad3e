package io.vlinkd.netlink.kind;

/**
 * The kind-specific part of a link's desired or observed state: one record per kind ({@code VxlanSpec}), whose
 * fields use iproute2's words and are {@code Optional} where "not set" means "not managed".
 */
public interface KindSpec {
}
