package dev.flytejava.magics.flyte;

import dev.flytejava.magics.MagicContext;
import dev.flytejava.magics.MagicProvider;
import dev.flytejava.magics.MagicRegistry;
import dev.flytejava.magics.flyte.options.LaunchPlanOptions;
import dev.flytejava.magics.flyte.options.PluginTaskOptions;
import dev.flytejava.magics.flyte.options.TaskOptions;
import dev.flytejava.magics.flyte.options.WorkflowOptions;

/** Registers {@code %%task}, {@code %%container_task}, {@code %%sql_task}, {@code %%workflow}, {@code %%launchplan} and {@code %flyte}. */
public final class FlyteMagicProvider implements MagicProvider {
    private final FlyteMagics magics = new FlyteMagics(FlyteSession.defaultCacheDir());

    /** The magics this provider registers, for tools that run a notebook headless. */
    public FlyteMagics magics() {
        return magics;
    }

    @Override
    public void register(MagicRegistry registry) {
        registry.cell("task", "declare a Flyte task from one Java method", TaskOptions::usage, magics::task);
        registry.cell("container_task", "declare a raw container task: the body is the command, files in /var/inputs and /var/outputs",
                PluginTaskOptions::containerUsage, magics::containerTask);
        registry.cell("sql_task", "declare a SQL task over JDBC (SQLite built in): the body is the query",
                PluginTaskOptions::sqlUsage, magics::sqlTask);
        registry.cell("workflow", "declare a Flyte workflow from a Java method read as a DSL", WorkflowOptions::usage,
                magics::workflow);
        registry.cell("launchplan", "declare a launch plan: NAME WF, then --fixed/--default/--schedule lines",
                LaunchPlanOptions::usage, magics::launchPlanCell);
        registry.line("flyte", "run, show and list Flyte tasks, workflows and launch plans", FlyteMagics.FLYTE_USAGE,
                magics::flyte);
        registry.inspector(magics::describeMethod);
    }

    @Override
    public void sessionStarted(MagicContext context) throws Exception {
        magics.start(context);
    }

    @Override
    public void sessionEnded() {
        magics.close();
    }
}
