package io.vlinkd.daemon.service;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the config directory and asks for one reload after changes settle: an editor's save, a
 * {@code cp *.yaml}, or a Kubernetes ConfigMap update (which swaps a {@code ..data} symlink) each produce a burst
 * of events, and one reload per burst is what an operator expects.
 */
public final class ConfigWatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger("vlinkd");

    private final Path dir;
    private final Duration quiet;
    private final Consumer<String> onChange;
    private final WatchService watch;
    private final Thread thread;

    private ConfigWatcher(Path dir, Duration quiet, Consumer<String> onChange) throws IOException {
        this.dir = dir;
        this.quiet = quiet;
        this.onChange = onChange;
        this.watch = dir.getFileSystem().newWatchService();
        dir.register(watch, ENTRY_CREATE, ENTRY_MODIFY, ENTRY_DELETE);
        this.thread = new Thread(this::run, "vlinkd-config-watch");
        this.thread.setDaemon(true);
    }

    /**
     * Starts watching {@code dir}; {@code onChange} gets a reason such as {@code config changed: 10-br.yaml} once
     * {@code quiet} has passed without a further event. Returns null (and logs why) when the directory is missing.
     */
    public static ConfigWatcher start(Path dir, Duration quiet, Consumer<String> onChange) throws IOException {
        if (!Files.isDirectory(dir)) {
            LOG.warn("{}: not a directory; changes will not be noticed (reload with SIGHUP or vlinkctl reload)",
                    dir);
            return null;
        }
        ConfigWatcher w = new ConfigWatcher(dir, quiet, onChange);
        w.thread.start();
        return w;
    }

    /** Editor droppings and hidden files do not make a reload; {@code ..data} (a ConfigMap swap) does. */
    static boolean matters(String name) {
        if (name.equals("..data")) {
            return true;
        }
        return !(name.startsWith(".") || name.endsWith("~") || name.endsWith(".swp") || name.endsWith(".swx")
                || name.endsWith(".tmp") || name.endsWith(".dpkg-new") || name.endsWith(".dpkg-tmp"));
    }

    private void run() {
        try {
            while (true) {
                WatchKey key = watch.take();
                String first = changed(key);
                // Debounce: keep draining until the directory has been quiet for a while.
                while (true) {
                    WatchKey more = watch.poll(quiet.toMillis(), TimeUnit.MILLISECONDS);
                    if (more == null) {
                        break;
                    }
                    String name = changed(more);
                    if (first == null) {
                        first = name;
                    }
                }
                if (first != null) {
                    onChange.accept("config changed: " + first);
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // Closed: the daemon is stopping.
        }
    }

    /** Resets the key; returns the first file name that matters, or null. */
    private String changed(WatchKey key) {
        String found = null;
        for (WatchEvent<?> ev : key.pollEvents()) {
            if (ev.kind() == OVERFLOW) {
                found = found == null ? "(many files)" : found;
                continue;
            }
            String name = String.valueOf(ev.context());
            if (found == null && matters(name)) {
                found = name;
            }
        }
        if (!key.reset()) {
            LOG.warn("{}: no longer watchable (removed?); changes will not be noticed", dir);
        }
        return found;
    }

    @Override
    public void close() throws IOException {
        watch.close();
        thread.interrupt();
    }
}
