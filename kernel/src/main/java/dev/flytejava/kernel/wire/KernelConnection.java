package dev.flytejava.kernel.wire;

import java.security.GeneralSecurityException;

import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.messages.HMACGenerator;
import org.zeromq.ZMQ;

/**
 * The five channels of one kernel, bound to the ports of a connection file. Shell and control
 * get their handlers at construction; {@link #start} binds everything and starts the loops.
 */
public final class KernelConnection implements AutoCloseable {

    private final KernelConnectionProperties props;
    private final ZMQ.Context context = ZMQ.context(1);
    private final Messages messages = new Messages();
    private final RequestChannel shell;
    private final RequestChannel control;
    private final IOPub iopub;
    private final Stdin stdin;
    private Heartbeat heartbeat;

    public KernelConnection(KernelConnectionProperties props, RequestHandler shellHandler, RequestHandler controlHandler)
            throws GeneralSecurityException {
        this.props = props;
        HMACGenerator hmac = props.createHMACGenerator();
        this.shell = new RequestChannel(context, hmac, false, shellHandler);
        this.control = new RequestChannel(context, hmac, true, controlHandler);
        this.iopub = new IOPub(context, hmac, messages);
        this.stdin = new Stdin(context, hmac, messages);
    }

    /** Binds all channels and starts serving; returns at once. */
    public void start() {
        iopub.bind(props);
        stdin.bind(props);
        heartbeat = new Heartbeat(context, props.getTransport() + "://" + props.getIp() + ":" + props.getHbPort());
        heartbeat.start();
        control.bind(props);
        shell.bind(props);
        control.start();
        shell.start();
    }

    public Messages messages() {
        return messages;
    }

    public IOPub iopub() {
        return iopub;
    }

    public Stdin stdin() {
        return stdin;
    }

    @Override
    public void close() {
        shell.close();
        control.close();
        stdin.close();
        iopub.close();
        if (heartbeat != null) heartbeat.close();
        context.term();
    }
}
