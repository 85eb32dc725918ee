/**
 * The Jupyter kernel's plumbing: {@link dev.flytejava.kernel.FlyteJavaKernel} binds a connection
 * and answers the protocol's requests (kernel_info, execute, complete, inspect, is_complete,
 * history, comm_info, interrupt, shutdown) between busy and idle statuses; execution itself lives
 * in {@code cell} and {@code eval}, the wire in {@code wire}, the standard streams in {@code io},
 * the helpers cells call in {@code notebook}, and the command line in {@code cli}.
 */
package dev.flytejava.kernel;
