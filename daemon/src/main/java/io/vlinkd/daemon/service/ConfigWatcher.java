package io.vlinkd.daemon.service;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the config directory and asks for one reload after changes settle: an editor's save, a
 * {@code cp *.yaml}, or a Kubernetes ConfigMap update (which swaps a {@code ..data} symlink) each produce a burst
 * of events, and one reload per burst is what an operator expects.
 *
 * <p>The directory may go away ({@code rm -rf}, {@code mv}, a volume unmounted) and come back. Its removal asks for a
 * reload too (the loader reports the missing directory and the daemon keeps the running config). While it is gone
 * the watcher looks for it every {@code recheck}; when it is back the watcher re-arms, and asks for a reload if the
 * directory holds a config file, not for an empty directory just made (a {@code mkdir} before the {@code cp} must not
 * read as "the config wants nothing").
 */
public final class ConfigWatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger("vlinkd");
    private static final Duration RECHECK = Duration.ofSeconds(1);

    private final Path dir;
    private final Duration quiet;
    private final Duration recheck;
    private final Consumer<String> onChange;
    private final WatchService watch;
    private final Thread thread;
    // Confined to the watcher thread once started: the armed key and the identity of the directory it watches
    // (a directory moved away keeps its inotify watch, so the identity is compared too). Null while it is gone.
    private WatchKey key;
    private Object watched;

    private ConfigWatcher(Path dir, Duration quiet, Duration recheck, Consumer<String> onChange) throws IOException {
        this.dir = dir;
        this.quiet = quiet;
        this.recheck = recheck;
        this.onChange = onChange;
        this.watch = dir.getFileSystem().newWatchService();
        this.thread = new Thread(this::run, "vlinkd-config-watch");
        this.thread.setDaemon(true);
    }

    /**
     * Starts watching {@code dir}; {@code onChange} gets a reason such as {@code config changed: 10-br.yaml} once
     * {@code quiet} has passed without a further event. A missing directory is waited for.
     */
    public static ConfigWatcher start(Path dir, Duration quiet, Consumer<String> onChange) throws IOException {
        return start(dir, quiet, RECHECK, onChange);
    }

    static ConfigWatcher start(Path dir, Duration quiet, Duration recheck, Consumer<String> onChange)
            throws IOException {
        ConfigWatcher w = new ConfigWatcher(dir, quiet, recheck, onChange);
        if (!w.arm()) {
            LOG.warn("{}: no such directory; watching for it to appear (the running config, if any, is kept)", dir);
        }
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

    /** Registers the directory if it is there; false when it is not. */
    private boolean arm() throws IOException {
        Object id = identity();
        if (id == null) {
            return false;
        }
        try {
            key = dir.register(watch, ENTRY_CREATE, ENTRY_MODIFY, ENTRY_DELETE);
        } catch (java.nio.file.NoSuchFileException | java.nio.file.NotDirectoryException e) {
            return false; // gone again between the check and the registration
        }
        watched = id;
        return true;
    }

    /** The directory's file key (device and inode), or null when {@code dir} is not a directory now. */
    private Object identity() {
        try {
            BasicFileAttributes a = Files.readAttributes(dir, BasicFileAttributes.class);
            return a.isDirectory() ? Objects.requireNonNullElse(a.fileKey(), dir) : null;
        } catch (IOException e) {
            return null;
        }
    }

    private void run() {
        try {
            while (true) {
                if (key == null) {
                    awaitDirectory();
                    continue;
                }
                WatchKey k = watch.poll(recheck.toMillis(), TimeUnit.MILLISECONDS);
                String first = k == null ? null : changed(k);
                boolean gone = key == null || !Objects.equals(identity(), watched);
                if (k == null && !gone) {
                    continue;
                }
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
                gone = gone || key == null || !Objects.equals(identity(), watched);
                if (gone) {
                    disarm();
                    LOG.warn("{}: removed; keeping the running config and watching for it to come back", dir);
                    onChange.accept("config directory " + dir + " removed");
                } else if (first != null) {
                    onChange.accept("config changed: " + first);
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // Closed: the daemon is stopping.
        } catch (IOException e) {
            LOG.error("{}: cannot watch for changes: {}", dir, e.getMessage());
        }
    }

    /** Waits until the directory exists again and re-arms; asks for a reload when it already holds a config file. */
    private void awaitDirectory() throws InterruptedException, IOException {
        Thread.sleep(recheck.toMillis());
        if (!arm()) {
            return;
        }
        String file = firstFileThatMatters();
        if (file == null) {
            LOG.info("{}: back, empty; reloading when a config file is written", dir);
            return;
        }
        LOG.info("{}: back; reloading", dir);
        // Let a copy into it settle first, as for any burst of changes.
        for (WatchKey more; (more = watch.poll(quiet.toMillis(), TimeUnit.MILLISECONDS)) != null; ) {
            changed(more);
        }
        onChange.accept("config directory " + dir + " is back: " + file);
    }

    private String firstFileThatMatters() throws IOException {
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path f : ds) {
                String name = f.getFileName().toString();
                if (matters(name)) {
                    return name;
                }
            }
        } catch (java.nio.file.NoSuchFileException e) {
            return null;
        }
        return null;
    }

    private void disarm() {
        if (key != null) {
            key.cancel();
        }
        key = null;
        watched = null;
    }

    /** Resets the key; returns the first file name that matters, or null. A key no longer valid disarms. */
    private String changed(WatchKey k) {
        String found = null;
        for (WatchEvent<?> ev : k.pollEvents()) {
            if (ev.kind() == OVERFLOW) {
                found = found == null ? "(many files)" : found;
                continue;
            }
            String name = String.valueOf(ev.context());
            if (found == null && matters(name)) {
                found = name;
            }
        }
        if (!k.reset() && k == key) {
            key = null; // the directory was removed: the run loop reports it
        }
        return found;
    }

    @Override
    public void close() throws IOException {
        watch.close();
        thread.interrupt();
    }
}
