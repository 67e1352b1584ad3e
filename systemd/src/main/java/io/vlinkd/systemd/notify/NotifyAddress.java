package io.vlinkd.systemd.notify;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The address in {@code $NOTIFY_SOCKET}, encoded as a {@code struct sockaddr_un}. systemd passes either a path
 * ({@code /run/systemd/notify}) or an abstract name written with a leading {@code @}, which on the wire is a
 * leading NUL byte and is not NUL-terminated (its length is exactly what {@code addrlen} says).
 *
 * @param value the variable's value as given
 */
public record NotifyAddress(String value) {

    static final int AF_UNIX = 1;
    /** {@code sizeof(sun_path)} on Linux. */
    static final int SUN_PATH_MAX = 108;
    private static final int SUN_FAMILY_LENGTH = 2;

    public NotifyAddress {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("NOTIFY_SOCKET is empty");
        }
        if (!value.startsWith("/") && !value.startsWith("@")) {
            // sd_notify(3) accepts only these two forms (vsock addresses are not for us).
            throw new IllegalArgumentException("NOTIFY_SOCKET is neither a path nor an abstract @name: " + value);
        }
        if (pathBytes(value).length > SUN_PATH_MAX) {
            throw new IllegalArgumentException("NOTIFY_SOCKET is longer than " + SUN_PATH_MAX + " bytes: " + value);
        }
    }

    public boolean isAbstract() {
        return value.startsWith("@");
    }

    /** The {@code sockaddr_un} bytes, exactly {@code addrlen} long (a direct buffer, for the native call). */
    public ByteBuffer sockaddr() {
        byte[] path = pathBytes(value);
        // A path is NUL-terminated as systemd's own sd_notify does; an abstract name is not.
        int length = SUN_FAMILY_LENGTH + path.length + (isAbstract() ? 0 : 1);
        ByteBuffer b = ByteBuffer.allocateDirect(length).order(ByteOrder.nativeOrder());
        b.putShort(0, (short) AF_UNIX);
        b.position(SUN_FAMILY_LENGTH);
        b.put(path);
        b.clear();
        return b;
    }

    private static byte[] pathBytes(String value) {
        byte[] raw = value.getBytes(StandardCharsets.UTF_8);
        if (value.startsWith("@")) {
            raw[0] = 0;
        }
        return raw;
    }

    @Override
    public String toString() {
        return value;
    }
}
