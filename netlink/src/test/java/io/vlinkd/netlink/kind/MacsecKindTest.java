package io.vlinkd.netlink.kind;

import static org.assertj.core.api.Assertions.assertThat;

import io.vlinkd.netlink.golden.GoldenAssert;
import io.vlinkd.netlink.golden.GoldenFixture;
import io.vlinkd.netlink.kind.MacsecKind.MacsecSpec;
import io.vlinkd.netlink.kind.Problems.Problem;
import io.vlinkd.netlink.link.LinkRequests;
import io.vlinkd.netlink.link.LinkSpec;
import io.vlinkd.netlink.route.LinkMessage;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MacsecKindTest {
    private static final MacsecKind KIND = MacsecKind.INSTANCE;
    private static final LinkCommon ON_P0 = new LinkCommon("m0", Optional.of("p0"), Optional.empty());

    private static MacsecSpec spec(Map<String, ?> options) {
        Problems p = new Problems();
        MacsecSpec s = KIND.fromOptions(OptionValues.of(options), ON_P0, p);
        assertThat(p.all()).isEmpty();
        return s;
    }

    private static List<Problem> problems(Map<String, ?> options, LinkCommon common) {
        Problems p = new Problems();
        KIND.fromOptions(OptionValues.of(options), common, p);
        return p.all();
    }

    private static MacsecSpec decoded(GoldenFixture f) throws Exception {
        LinkMessage m = LinkMessage.decode(f.message());
        assertThat(m.kind()).isEqualTo("macsec");
        assertThat(m.infoData().unknown(KIND.dataSpace())).isEmpty();
        return KIND.decode(m.infoData(), DecodeContext.none());
    }

    private static void assertCommand(GoldenFixture f, MacsecSpec s) {
        List<String> args = KIND.ipArgs(s);
        assertThat(f.command()).endsWith("type macsec" + (args.isEmpty() ? "" : " " + String.join(" ", args)));
    }

    /** The spec config builds from options; creating m0 on p0 with it is the capture's command and bytes. */
    private static MacsecSpec assertCreatesAsCaptured(GoldenFixture f, Map<String, ?> options) {
        MacsecSpec s = spec(options);
        assertCommand(f, s);
        GoldenAssert.assertSameBytes(f, LinkRequests.create(LinkSpec.of("m0", KIND, s).withLink("p0"), f.context()));
        return s;
    }

    @Test
    void createWithoutOptionsSendsNoInfoDataAsIproute2() throws Exception {
        GoldenFixture f = GoldenFixture.load("macsec/create-basic.txt");
        MacsecSpec s = assertCreatesAsCaptured(f, Map.of());
        assertThat(decoded(f)).isEqualTo(s);
    }

    @Test
    void createWithPortAndEverySettingMatchesIproute2() throws Exception {
        GoldenFixture f = GoldenFixture.load("macsec/create-port.txt");
        MacsecSpec s = assertCreatesAsCaptured(f, Map.of("port", 11L, "encrypt", true, "protect", true,
                "validate", "strict", "cipher", "gcm-aes-256", "icvlen", 16L, "replay-protect", true, "window", 32L));
        assertThat(decoded(f)).isEqualTo(s);
    }

    @Test
    void createWithSciAndAnXpnCipherMatchesIproute2() throws Exception {
        GoldenFixture f = GoldenFixture.load("macsec/create-sci.txt");
        MacsecSpec s = assertCreatesAsCaptured(f, Map.of("sci", "0x0011223344550001", "encrypt", false,
                "validate", "check", "cipher", "gcm-aes-xpn-128", "icvlen", 8L));
        MacsecSpec d = decoded(f);
        assertThat(d.sci()).contains(0x0011223344550001L);
        assertThat(d.port()).as("the port is the SCI's low 16 bits").contains(1);
        assertThat(d.cipher()).contains("gcm-aes-xpn-128");
    }

    @Test
    void changeMatchesIproute2AndLeavesOutCreateOnlyOptions() throws Exception {
        GoldenFixture f = GoldenFixture.load("macsec/change.txt");
        MacsecSpec s = spec(Map.of("port", 11L, "cipher", "gcm-aes-256", "encrypt", true, "protect", false,
                "validate", "disabled", "replay-protect", true, "window", 64L));
        GoldenAssert.assertSameBytes(f, LinkRequests.change(f.ifindex().get("m1"), LinkSpec.of("m1", KIND, s),
                f.context()));
        assertThat(decoded(f)).isEqualTo(new MacsecSpec(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of(true), Optional.of(false), Optional.of(true), Optional.of(64L),
                Optional.of("disabled")));
    }

    @Test
    void changeTurningReplayProtectionOffMatchesIproute2() throws Exception {
        GoldenFixture f = GoldenFixture.load("macsec/change-replay-off.txt");
        MacsecSpec s = spec(Map.of("replay-protect", false, "window", 0L));
        assertCommand(f, s);
        GoldenAssert.assertSameBytes(f, LinkRequests.change(f.ifindex().get("m1"), LinkSpec.of("m1", KIND, s),
                f.context()));
    }

    @Test
    void validationInTheUsersWords() {
        LinkCommon noParent = new LinkCommon("m0", Optional.empty(), Optional.empty());
        assertThat(problems(Map.of(), noParent)).containsExactly(
                new Problem(null, "a macsec device needs a parent: set link to its Ethernet device"));
        assertThat(problems(Map.of("window", 32L), ON_P0)).containsExactly(new Problem("window",
                "window needs replay-protect (true or false) beside it, as in ip's \"replay on window N\""));
        assertThat(problems(Map.of("replay-protect", true), ON_P0)).containsExactly(new Problem("replay-protect",
                "replay-protect: true needs a window (the kernel refuses it without one)"));
        assertThat(problems(Map.of("port", 1L, "sci", "0011223344550001"), ON_P0)).containsExactly(new Problem(
                "sci", "give either port or sci, not both: the sci already holds a port"));
        assertThat(problems(Map.of("sci", "00112233445500011"), ON_P0)).containsExactly(new Problem("sci",
                "sci 00112233445500011 is not a 64-bit hexadecimal number (16 hex digits: the MAC address and the"
                        + " port)"));
        assertThat(problems(Map.of("cipher", "gcm-aes-xpn-256", "replay-protect", true, "window", 1L << 30), ON_P0))
                .containsExactly(new Problem("window",
                        "window 1073741824 is too large for gcm-aes-xpn-256: an xpn cipher allows at most 1073741823"));
    }

    @Test
    void classifiesSettingsInPlaceAndIdentityAsRecreate() throws Exception {
        MacsecSpec observed = decoded(GoldenFixture.load("macsec/create-port.txt"));
        assertThat(KIND.differences(spec(Map.of("port", 11L, "encrypt", true)), observed)).isEmpty();
        assertThat(KIND.differences(spec(Map.of("encrypt", false, "validate", "check")), observed))
                .extracting(Difference::change).containsOnly(Option.Change.IN_PLACE).hasSize(2);
        List<Difference> d = KIND.differences(spec(Map.of("port", 12L, "cipher", "gcm-aes-128")), observed);
        assertThat(d).extracting(Difference::change).containsOnly(Option.Change.RECREATE).hasSize(2);
        assertThat(d.get(0).reason()).isEqualTo("macsec_changelink() refuses sci, port, cipher and icvlen (EINVAL)");
    }
}
