package dev.flytejava.runtime.entrypoint;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.flytejava.runtime.code.ShippedCodeException;
import dev.flytejava.runtime.code.ShippedTasks;
import dev.flytejava.runtime.code.TarExtractor;
import dev.flytejava.runtime.exec.LocalExecutor;
import dev.flytejava.runtime.exec.NodeFailedException;
import dev.flytejava.runtime.model.BuiltinTasks;
import dev.flytejava.runtime.model.Task;
import dev.flytejava.runtime.plugins.TaskTypePlugin;
import dev.flytejava.runtime.plugins.TaskTypePlugins;
import dev.flytejava.runtime.storage.ObjectNotFoundException;
import dev.flytejava.runtime.storage.Storage;
import dev.flytejava.runtime.storage.StorageException;
import dev.flytejava.runtime.storage.StorageUri;
import dev.flytejava.runtime.storage.TransientStorageException;
import dev.flytejava.runtime.types.TypeEngine;
import flyteidl.core.Errors.ErrorDocument;
import flyteidl.core.Literals.LiteralMap;
import flyteidl.core.Tasks.TaskTemplate;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Runs one task attempt as a Flyte container does: downloads the shipped code and unpacks it, reads
 * {@code inputs.pb}, runs the task through the runtime (type engine, decorators), and writes {@code outputs.pb} or
 * {@code error.pb} under the output prefix. Both are a completed attempt for Flyte, which reads the error document to
 * decide about retries; only when neither can be written does the attempt fail with a non-zero exit (and propeller
 * treats the pod's failure as a system error).
 */
public final class Entrypoint {
    public static final String OUTPUTS = "outputs.pb";
    public static final String ERROR = "error.pb";

    /** How the attempt ended; every outcome but an exception means a document was written. */
    public enum Outcome { SUCCEEDED, USER_ERROR, SYSTEM_ERROR }

    private final EntrypointArgs args;
    private final Storage storage;
    private final Path workDir;
    private final PrintStream log;

    public Entrypoint(EntrypointArgs args, Storage storage, Path workDir, PrintStream log) {
        this.args = args;
        this.storage = storage;
        this.workDir = workDir;
        this.log = log;
    }

    /** The command's exit code: 0 once a document is written, 1 when even {@code error.pb} could not be. */
    public static int main(EntrypointArgs args, PrintStream log) {
        Path work = null;
        try (Storage storage = Storage.create()) {
            work = Files.createTempDirectory("flyte-java-task");
            Outcome outcome = new Entrypoint(args, storage, work, log).run();
            log.println("flyte-java entrypoint: task [" + args.task() + "] " + outcome.name().toLowerCase().replace('_', ' '));
            return 0;
        } catch (StorageException e) {
            log.println("flyte-java entrypoint: could not write the outcome of task [" + args.task() + "] to ["
                    + args.outputPrefix() + "]: " + e.getMessage());
            return 1;
        } catch (IOException | RuntimeException e) {
            log.println("flyte-java entrypoint: " + e);
            return 1;
        } finally {
            deleteQuietly(work);
        }
    }

    /** Runs the attempt and writes its document; throws only when the document cannot be written. */
    public Outcome run() throws StorageException {
        StorageUri outputPrefix = StorageUri.parse(args.outputPrefix());
        try {
            Attempt attempt = attempt(outputPrefix);
            storage.write(outputPrefix.resolve(OUTPUTS), attempt.outputs.toByteArray());
            return Outcome.SUCCEEDED;
        } catch (Failure f) {
            log.println(f.document.getError().getMessage());
            storage.write(outputPrefix.resolve(ERROR), f.document.toByteArray());
            return f.outcome;
        } catch (StorageException e) {
            // writing outputs.pb failed: say so in error.pb if storage lets us
            ErrorDocument doc = ErrorDocuments.system("Writing the outputs of task [" + args.task() + "] to [" + outputPrefix
                    + "] failed: " + e.getMessage(), e, true);
            storage.write(outputPrefix.resolve(ERROR), doc.toByteArray());
            return Outcome.SYSTEM_ERROR;
        }
    }

    private record Attempt(LiteralMap outputs) {}

    /** The outcome of an attempt that produced no outputs, and its error document. */
    private static final class Failure extends Exception {
        final Outcome outcome;
        final ErrorDocument document;

        Failure(Outcome outcome, ErrorDocument document) {
            super(document.getError().getMessage(), null, false, false);
            this.outcome = outcome;
            this.document = document;
        }

        static Failure system(String message, Throwable cause, boolean recoverable) {
            return new Failure(Outcome.SYSTEM_ERROR, ErrorDocuments.system(message, cause, recoverable));
        }
    }

    private Attempt attempt(StorageUri outputPrefix) throws Failure, StorageException {
        StorageUri rawOutputs = args.rawOutputDataPrefix() != null ? StorageUri.parse(args.rawOutputDataPrefix())
                : outputPrefix.resolve("raw");
        if (args.task().equals(BuiltinTasks.FROM_TEMPLATE)) return new Attempt(fromTemplate(readTemplate(), readInputs()));
        if (BuiltinTasks.isBuiltin(args.task())) return new Attempt(builtin(readInputs()));
        Path codeDir = download(args.code(), workDir.resolve("code"));
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        try (ShippedTasks shipped = load(codeDir)) {
            Task task = shippedTask(shipped);
            LiteralMap inputs = readInputs();
            BlobStaging staging = new BlobStaging(storage, workDir.resolve("inputs"), rawOutputs);
            LiteralMap staged = staged(() -> staging.inputs(inputs), "Downloading the files and directories of the inputs");
            Thread.currentThread().setContextClassLoader(shipped.classLoader());
            LiteralMap outputs = execute(task, shipped.engine(), staged);
            return new Attempt(staged(() -> staging.outputs(outputs), "Uploading the files and directories of the outputs"));
        } catch (IOException e) {
            throw new UncheckedIOException(e); // closing a class loader over local jars
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    /** The runtime's own tasks: an identity arm passes its input on as it is, a no-op arm has no outputs. */
    private LiteralMap builtin(LiteralMap inputs) throws Failure {
        if (args.task().equals(BuiltinTasks.NOTHING)) return LiteralMap.getDefaultInstance();
        if (BuiltinTasks.isIdentity(args.task()) && inputs.containsLiterals(BuiltinTasks.IDENTITY_INPUT)) {
            return LiteralMap.newBuilder().putLiterals("o0", inputs.getLiteralsOrThrow(BuiltinTasks.IDENTITY_INPUT)).build();
        }
        throw Failure.system("[" + args.task() + "] is not a task of this runtime, or its inputs lack ["
                + BuiltinTasks.IDENTITY_INPUT + "]", null, false);
    }

    /** {@code --code} of a task run from its template: the {@code core.TaskTemplate} propeller wrote for the pod. */
    private TaskTemplate readTemplate() throws Failure {
        StorageUri uri = location("--code", args.code());
        try {
            return TaskTemplate.parseFrom(storage.read(uri));
        } catch (InvalidProtocolBufferException e) {
            throw Failure.system("The task template [" + uri + "] is not a readable TaskTemplate: " + e.getMessage(), e, false);
        } catch (ObjectNotFoundException e) {
            throw Failure.system("The task template [" + uri + "] does not exist", e, false);
        } catch (StorageException e) {
            throw Failure.system("Reading the task template [" + uri + "] failed: " + e.getMessage(), e, true);
        }
    }

    /** A task of a plugin's type (found with ServiceLoader) run from its template: what it throws is the user's error. */
    private LiteralMap fromTemplate(TaskTemplate template, LiteralMap inputs) throws Failure {
        String name = template.getId().getName();
        TaskTypePlugin plugin = TaskTypePlugins.find(template.getType(), Entrypoint.class.getClassLoader())
                .orElseThrow(() -> Failure.system("No plugin of this runtime runs task type [" + template.getType() + "] of task ["
                        + name + "]; it knows " + TaskTypePlugins.taskTypes(Entrypoint.class.getClassLoader()).keySet() + " and agents "
                        + TaskTypePlugins.agents(Entrypoint.class.getClassLoader()).keySet(), null, false));
        try {
            return plugin.execute(template, inputs);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw Failure.system("Task [" + name + "] was interrupted", e, true);
        } catch (Exception e) {
            throw new Failure(Outcome.USER_ERROR, ErrorDocuments.user(name, e));
        }
    }

    private Path download(String code, Path dir) throws Failure {
        StorageUri uri = location("--code", code);
        // read whole, so that a download cut short is retried like any other (the archive is the closure's
        // classes and jars, not the runtime)
        try (InputStream in = new ByteArrayInputStream(storage.read(uri))) {
            TarExtractor.extract(in, dir);
            return dir;
        } catch (ObjectNotFoundException e) {
            throw Failure.system("The shipped code [" + uri + "] of task [" + args.task() + "] does not exist: was it"
                    + " uploaded (flytectl register files, flyte-java register)?", e, false);
        } catch (TransientStorageException e) {
            throw Failure.system("Downloading the shipped code [" + uri + "] failed: " + e.getMessage(), e, true);
        } catch (StorageException e) {
            throw Failure.system("Downloading the shipped code [" + uri + "] failed: " + e.getMessage(), e, true);
        } catch (IOException e) {
            throw Failure.system("The shipped code [" + uri + "] is not a readable .tar.gz: " + e.getMessage(), e, false);
        }
    }

    private ShippedTasks load(Path dir) throws Failure {
        try {
            return ShippedTasks.load(dir, Entrypoint.class.getClassLoader());
        } catch (ShippedCodeException e) {
            throw Failure.system("Loading the shipped code of task [" + args.task() + "] failed: " + e.getMessage(), e, false);
        }
    }

    private Task shippedTask(ShippedTasks shipped) throws Failure {
        try {
            return shipped.task(args.task());
        } catch (ShippedCodeException | IllegalArgumentException e) {
            throw Failure.system("Task [" + args.task() + "] cannot be loaded from its shipped code: " + e.getMessage(), e, false);
        }
    }

    private LiteralMap readInputs() throws Failure {
        StorageUri uri = location("--inputs", args.inputs());
        try {
            return LiteralMap.parseFrom(storage.read(uri));
        } catch (ObjectNotFoundException e) {
            throw Failure.system("The inputs [" + uri + "] of task [" + args.task() + "] do not exist", e, false);
        } catch (InvalidProtocolBufferException e) {
            throw Failure.system("The inputs [" + uri + "] of task [" + args.task() + "] are not a readable LiteralMap: "
                    + e.getMessage(), e, false);
        } catch (StorageException e) {
            throw Failure.system("Reading the inputs [" + uri + "] of task [" + args.task() + "] failed: " + e.getMessage(), e, true);
        }
    }

    private LiteralMap execute(Task task, TypeEngine engine, LiteralMap inputs) throws Failure {
        try (LocalExecutor executor = LocalExecutor.builder(engine).parallelism(1).build()) {
            return executor.run(task, inputs);
        } catch (NodeFailedException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new Failure(Outcome.USER_ERROR, ErrorDocuments.user(task.name(), cause));
        } catch (IllegalArgumentException e) {
            throw Failure.system("The inputs of task [" + task.name() + "] do not fit it: " + e.getMessage(), e, false);
        }
    }

    private interface StorageStep {
        LiteralMap run() throws StorageException;
    }

    private static LiteralMap staged(StorageStep step, String what) throws Failure {
        try {
            return step.run();
        } catch (ObjectNotFoundException e) {
            throw Failure.system(what + " failed: " + e.getMessage(), e, false);
        } catch (StorageException e) {
            throw Failure.system(what + " failed: " + e.getMessage(), e, true);
        }
    }

    private StorageUri location(String option, String text) throws Failure {
        try {
            return StorageUri.parse(text);
        } catch (IllegalArgumentException e) {
            throw Failure.system(option + " [" + text + "] is not a storage location: " + e.getMessage(), e, false);
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) return;
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp folder left behind is not worth failing the attempt for
        }
    }
}
