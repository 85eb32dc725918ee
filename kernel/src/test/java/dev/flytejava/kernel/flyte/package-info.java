/** Integration tests of the Flyte magics through the real kernel and a real Jupyter client. */
package dev.flytejava.kernel.flyte;
