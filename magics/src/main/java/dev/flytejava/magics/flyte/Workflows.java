package dev.flytejava.magics.flyte;

import dev.flytejava.runtime.model.BranchNode;
import dev.flytejava.runtime.model.LaunchPlanNode;
import dev.flytejava.runtime.model.MapNode;
import dev.flytejava.runtime.model.Node;
import dev.flytejava.runtime.model.SubworkflowNode;
import dev.flytejava.runtime.model.Task;
import dev.flytejava.runtime.model.TaskNode;
import dev.flytejava.runtime.model.Workflow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a workflow runs, looked through its nodes: branch arms, map nodes, subworkflows and launch plans included. */
final class Workflows {
    private Workflows() {}

    /** The tasks, workflows and launch plans the workflow's own nodes run (not what those run in turn). */
    static List<Object> callees(Workflow wf) {
        List<Object> out = new ArrayList<>();
        for (Node n : wf.nodes()) collect(n, out);
        return out;
    }

    /** Every task the workflow runs, through subworkflows and its own launch plans too, once each, by name. */
    static List<Task> tasks(Workflow wf) {
        Map<String, Task> out = new LinkedHashMap<>();
        addTasks(wf, out);
        return List.copyOf(out.values());
    }

    private static void addTasks(Workflow wf, Map<String, Task> out) {
        for (Object callee : callees(wf)) {
            if (callee instanceof Task t) out.putIfAbsent(t.name(), t);
            else if (callee instanceof Workflow w) addTasks(w, out);
            else if (dev.flytejava.runtime.model.ReferenceLaunchPlan.of((dev.flytejava.runtime.model.LaunchPlan) callee) == null) {
                addTasks(((dev.flytejava.runtime.model.LaunchPlan) callee).workflow(), out);
            } // a reference launch plan runs code registered elsewhere

        }
    }

    private static void collect(Node n, List<Object> out) {
        if (n instanceof TaskNode t) out.add(t.task());
        else if (n instanceof MapNode m) out.add(m.task());
        else if (n instanceof SubworkflowNode s) out.add(s.workflow());
        else if (n instanceof LaunchPlanNode lp) out.add(lp.launchPlan());
        else if (n instanceof BranchNode b) b.armNodes().forEach(arm -> collect(arm, out));
    }
}
