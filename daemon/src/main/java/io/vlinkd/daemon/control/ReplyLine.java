package io.vlinkd.daemon.control;

/**
 * One line of a reply on the control socket. A reply is any number of {@code out} and {@code err} lines and ends
 * with exactly one {@code exit} line, whose number becomes vlinkctl's exit code:
 * <pre>
 * out br0 bridge up owned
 * err /etc/vlinkd/10-br.yaml:4:5: mtu: 70000 is above the maximum 65535
 * exit 1
 * </pre>
 * A reply line never contains a newline: text lines are split before sending.
 */
public sealed interface ReplyLine permits ReplyLine.Out, ReplyLine.Err, ReplyLine.Exit {

    String format();

    record Out(String text) implements ReplyLine {
        @Override
        public String format() {
            return "out " + text;
        }
    }

    record Err(String text) implements ReplyLine {
        @Override
        public String format() {
            return "err " + text;
        }
    }

    record Exit(int code) implements ReplyLine {
        @Override
        public String format() {
            return "exit " + code;
        }
    }

    static ReplyLine parse(String line) throws ControlRequest.ProtocolException {
        if (line.startsWith("out ")) {
            return new Out(line.substring(4));
        }
        if (line.startsWith("err ")) {
            return new Err(line.substring(4));
        }
        if (line.startsWith("exit ")) {
            try {
                return new Exit(Integer.parseInt(line.substring(5).trim()));
            } catch (NumberFormatException e) {
                throw new ControlRequest.ProtocolException("bad exit line: " + line);
            }
        }
        throw new ControlRequest.ProtocolException("unexpected reply line: " + line);
    }
}
