/**
 * Compiles the model (tasks, workflows, launch plans) to the official Flyte messages that FlyteAdmin registers,
 * as flytekit 1.16 writes them: {@link dev.flytejava.runtime.idl.IdlCompiler} is the entry point; it returns
 * {@link dev.flytejava.runtime.idl.CompiledEntities} in registration order. Java tasks are container tasks of type
 * {@code java-task} that run {@link dev.flytejava.runtime.idl.EntrypointArgs}; versions default to a content hash
 * ({@link dev.flytejava.runtime.idl.Versions}); {@link dev.flytejava.runtime.idl.SpecRewrite} rewrites identifiers
 * and the code location in one place. The only place where model records become protos.
 */
package dev.flytejava.runtime.idl;
