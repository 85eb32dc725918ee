/**
 * The Jupyter wire: the five ZeroMQ channels of one kernel connection, built on jjava's
 * {@code JupyterSocket} message codec but with our own loops. Shell and control block in a short
 * poll instead of sleeping, a message with a bad HMAC signature is dropped (no reply) without
 * ending the loop, IOPub is sent from one publisher thread so that cell threads (which JShell
 * may interrupt or stop) never touch a ZeroMQ socket, and stdin input requests run on a thread
 * of their own for the same reason.
 */
package dev.flytejava.kernel.wire;
