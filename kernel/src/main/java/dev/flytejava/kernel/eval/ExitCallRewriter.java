package dev.flytejava.kernel.eval;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Points the calls to {@code System.exit}, {@code Runtime.exit} and {@code Runtime.halt} in a class file at
 * {@link ExitGuard}: invocations, and method references to them ({@code System::exit} as a lambda's target or a
 * method handle constant). The replacements take the same operands ({@code Runtime}'s become static methods
 * taking the runtime first), so no stack map changes. A class without such a call is returned as it was, and
 * most are recognised without parsing: a call needs a constant pool string {@code exit} or {@code halt}.
 */
final class ExitCallRewriter {

    private static final String GUARD = ExitGuard.class.getName().replace('.', '/');
    private static final String SYSTEM = "java/lang/System";
    private static final String RUNTIME = "java/lang/Runtime";
    /** A constant pool UTF-8 entry: tag 1, length 4, the name. */
    private static final byte[] EXIT_ENTRY = {1, 0, 4, 'e', 'x', 'i', 't'};
    private static final byte[] HALT_ENTRY = {1, 0, 4, 'h', 'a', 'l', 't'};

    private ExitCallRewriter() {
    }

    /**
     * The class file with its exit calls guarded; {@code classFile} itself when it has none.
     *
     * @throws IllegalArgumentException when the class file is newer than the rewriter's ASM can read
     */
    static byte[] rewrite(byte[] classFile) {
        if (!contains(classFile, EXIT_ENTRY) && !contains(classFile, HALT_ENTRY)) return classFile;
        ClassReader reader = new ClassReader(classFile);
        ClassWriter writer = new ClassWriter(reader, 0);
        boolean[] changed = {false};
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
                return new Guarding(super.visitMethod(access, name, descriptor, signature, exceptions), changed);
            }
        }, 0);
        return changed[0] ? writer.toByteArray() : classFile;
    }

    /** The guard method standing in for {@code owner.name(descriptor)}, or null if that is not an exit call. */
    private static String guardFor(String owner, String name, String descriptor) {
        if (!descriptor.equals("(I)V")) return null;
        if (owner.equals(SYSTEM) && name.equals("exit")) return "systemExit";
        if (owner.equals(RUNTIME) && name.equals("exit")) return "runtimeExit";
        if (owner.equals(RUNTIME) && name.equals("halt")) return "runtimeHalt";
        return null;
    }

    private static String guardDescriptor(String owner) {
        return owner.equals(SYSTEM) ? "(I)V" : "(L" + RUNTIME + ";I)V";
    }

    private static final class Guarding extends MethodVisitor {
        private final boolean[] changed;

        Guarding(MethodVisitor next, boolean[] changed) {
            super(Opcodes.ASM9, next);
            this.changed = changed;
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
            String guard = guardFor(owner, name, descriptor);
            if (guard == null || (opcode != Opcodes.INVOKESTATIC && opcode != Opcodes.INVOKEVIRTUAL)) {
                super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
                return;
            }
            changed[0] = true;
            super.visitMethodInsn(Opcodes.INVOKESTATIC, GUARD, guard, guardDescriptor(owner), false);
        }

        @Override
        public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... arguments) {
            Object[] guarded = arguments.clone();
            for (int i = 0; i < guarded.length; i++) guarded[i] = guarded(guarded[i]);
            super.visitInvokeDynamicInsn(name, descriptor, bootstrap, guarded);
        }

        @Override
        public void visitLdcInsn(Object value) {
            super.visitLdcInsn(guarded(value));
        }

        private Object guarded(Object constant) {
            if (!(constant instanceof Handle h)) return constant;
            String guard = guardFor(h.getOwner(), h.getName(), h.getDesc());
            if (guard == null || (h.getTag() != Opcodes.H_INVOKESTATIC && h.getTag() != Opcodes.H_INVOKEVIRTUAL)) return constant;
            changed[0] = true;
            return new Handle(Opcodes.H_INVOKESTATIC, GUARD, guard, guardDescriptor(h.getOwner()), false);
        }
    }

    private static boolean contains(byte[] bytes, byte[] part) {
        outer:
        for (int i = 0, last = bytes.length - part.length; i <= last; i++) {
            for (int j = 0; j < part.length; j++) {
                if (bytes[i + j] != part[j]) continue outer;
            }
            return true;
        }
        return false;
    }
}
