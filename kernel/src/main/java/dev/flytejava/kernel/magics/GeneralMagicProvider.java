package dev.flytejava.kernel.magics;

import dev.flytejava.magics.MagicProvider;
import dev.flytejava.magics.MagicRegistry;

/**
 * Contributes the general magics to a session. Each {@link #register} call makes a fresh set sharing one
 * {@link AddedClasspath}, so sessions do not see each other's class path entries.
 */
public final class GeneralMagicProvider implements MagicProvider {

    @Override
    public void register(MagicRegistry registry) {
        AddedClasspath classpath = new AddedClasspath();
        TimeMagic time = new TimeMagic();
        registry.line(LsMagic.NAME, LsMagic.SUMMARY, LsMagic::usage, new LsMagic())
                .line(HelpMagic.NAME, HelpMagic.SUMMARY, HelpMagic::usage, new HelpMagic())
                .line(ClasspathMagic.NAME, ClasspathMagic.SUMMARY, ClasspathMagic::usage, new ClasspathMagic(classpath))
                .line(JarsMagic.NAME, JarsMagic.SUMMARY, JarsMagic::usage, new JarsMagic(classpath))
                .line(MavenMagic.NAME, MavenMagic.SUMMARY, MavenMagic::usage,
                        new MavenMagic(classpath, new MavenArtifactResolver()))
                .line(LoadMagic.NAME, LoadMagic.SUMMARY, LoadMagic::usage, new LoadMagic())
                .line(TimeMagic.NAME, TimeMagic.LINE_SUMMARY, TimeMagic.LINE_USAGE, time)
                .cell(TimeMagic.NAME, TimeMagic.CELL_SUMMARY, TimeMagic.CELL_USAGE, time)
                .cell(ShellMagic.NAME, ShellMagic.SUMMARY, ShellMagic.USAGE, new ShellMagic());
    }
}
