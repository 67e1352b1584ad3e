package io.vlinkd.config.yaml;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.ReaderException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Turns YAML 1.2 text into a node tree with marks, and nothing else: no YAML construct ever builds a Java object
 * (only the compose API is used, never the constructor), explicit tags are refused, and size, nesting and aliases
 * are bounded before the tree is built.
 *
 * <p>Two passes: the event parser (iterative, so deep nesting cannot overflow the stack) checks depth, tags, the
 * number of documents and aliases; only then does the composer (recursive) build the tree.
 */
public final class SafeYaml {

    /** The outcome: a root node (empty for an empty document) or located problems. */
    public sealed interface Result {
        record Parsed(Optional<Node> root) implements Result {
        }

        record Failed(List<YamlProblem> problems) implements Result {
        }
    }

    private final YamlLimits limits;

    public SafeYaml(YamlLimits limits) {
        this.limits = limits;
    }

    public Result parse(String text, String label) {
        LoadSettings settings = LoadSettings.builder()
                .setLabel(label)
                .setSchema(new CoreSchema())
                .setAllowDuplicateKeys(false)
                .setAllowRecursiveKeys(false)
                .setMaxAliasesForCollections(limits.maxAliases())
                .setCodePointLimit(limits.maxCodePoints())
                .setUseMarks(true)
                .setParseComments(false)
                .build();
        try {
            List<YamlProblem> problems = checkEvents(settings, text);
            if (!problems.isEmpty()) {
                return new Result.Failed(problems);
            }
            return new Result.Parsed(new Compose(settings).composeString(text));
        } catch (MarkedYamlEngineException e) {
            return new Result.Failed(List.of(located(e)));
        } catch (ReaderException e) {
            // Raised for characters YAML does not allow (NUL, most control characters): its position is an index
            // in code points, turned here into a line and column.
            return new Result.Failed(List.of(atIndex(text, e.getPosition(), String.format(
                    "character U+%04X is not allowed in YAML (is this a binary file?)", e.getCodePoint()))));
        } catch (YamlEngineException e) {
            return new Result.Failed(List.of(new YamlProblem(1, 1, clean(e.getMessage()))));
        } catch (RuntimeException | StackOverflowError e) {
            // The passes above are meant to make this unreachable; if the parser still trips, the operator gets a
            // line, not a stack trace.
            return new Result.Failed(List.of(new YamlProblem(1, 1, "cannot parse this YAML: "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : clean(e.getMessage())))));
        }
    }

    private List<YamlProblem> checkEvents(LoadSettings settings, String text) {
        List<YamlProblem> problems = new ArrayList<>();
        int depth = 0;
        int documents = 0;
        int aliases = 0;
        for (Event e : new Parse(settings).parseString(text)) {
            switch (e.getEventId()) {
                case DocumentStart -> {
                    documents++;
                    if (documents == 2) {
                        problems.add(at(e, "a config file holds one YAML document; this is a second one"
                                + " (split it into two files)"));
                        return problems;
                    }
                }
                case SequenceStart, MappingStart -> {
                    depth++;
                    if (depth > limits.maxDepth()) {
                        problems.add(at(e, "nested deeper than " + limits.maxDepth() + " levels"));
                        return problems;
                    }
                    ((CollectionStartEvent) e).getTag().ifPresent(t -> problems.add(tag(e, t)));
                }
                case SequenceEnd, MappingEnd -> depth--;
                case Scalar -> ((ScalarEvent) e).getTag().ifPresent(t -> problems.add(tag(e, t)));
                case Alias -> {
                    aliases++;
                    if (aliases > limits.maxAliases()) {
                        problems.add(at(e, "more than " + limits.maxAliases() + " aliases ("
                                + ((AliasEvent) e).getAlias() + "); refused to bound alias expansion"));
                        return problems;
                    }
                }
                default -> {
                }
            }
        }
        return problems;
    }

    private static YamlProblem tag(Event e, String tag) {
        return at(e, "explicit YAML tags are not allowed (found '" + tag + "'); write plain values");
    }

    private static YamlProblem at(Event e, String message) {
        Optional<Mark> m = e.getStartMark();
        return new YamlProblem(m.map(x -> x.getLine() + 1).orElse(1), m.map(x -> x.getColumn() + 1).orElse(1),
                message);
    }

    private static YamlProblem atIndex(String text, int codePointIndex, String message) {
        int line = 1;
        int column = 1;
        int i = 0;
        for (int cp = 0; cp < codePointIndex && i < text.length(); cp++) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (c == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return new YamlProblem(line, column, message);
    }

    private static YamlProblem located(MarkedYamlEngineException e) {
        Optional<Mark> m = e.getProblemMark().or(e::getContextMark);
        String problem = e.getProblem() == null ? "" : e.getProblem();
        String context = e.getContext();
        String message = context == null || context.isBlank() ? problem : context + ": " + problem;
        return new YamlProblem(m.map(x -> x.getLine() + 1).orElse(1), m.map(x -> x.getColumn() + 1).orElse(1),
                clean(message));
    }

    /** One line, without the snippet snakeyaml appends and without control characters from the input. */
    private static String clean(String message) {
        String first = message == null ? "" : message.strip().lines().findFirst().orElse("");
        StringBuilder sb = new StringBuilder();
        first.codePoints().forEach(c -> {
            if (Character.isISOControl(c)) {
                sb.append(String.format("\\u%04x", c));
            } else {
                sb.appendCodePoint(c);
            }
        });
        return sb.toString();
    }
}
