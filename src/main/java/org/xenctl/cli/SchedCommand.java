package org.xenctl.cli;

import java.util.ArrayList;
import java.util.List;

import org.xenctl.domain.DomainRef;
import org.xenctl.domain.DomainSummary;
import org.xenctl.domain.ErrorCode;
import org.xenctl.domain.Hypervisor;
import org.xenctl.domain.SchedulerSettings;
import org.xenctl.domain.XenctlException;
import org.xenctl.render.View;
import org.xenctl.render.view.SchedChangeView;
import org.xenctl.render.view.SchedListView;

/**
 * sched-credit and sched-credit2 (xl's): the running domains' weight and cap under the host's scheduler, or one
 * domain's set, only where it differs. Refused when the host runs the other scheduler, as xl does. libvirt's libxl
 * driver keeps no scheduler parameters in a definition, so they hold until the domain stops (as with xl).
 */
abstract class SchedCommand extends HypervisorCommand {
    String domain;
    Integer weight;
    Integer cap;

    /** Listing the settings changes nothing: only a weight or a cap given is audited. */
    @Override
    boolean changesHost() {
        return super.changesHost() && (weight != null || cap != null);
    }

    @Override
    void declare(Declaration declaration) {
        declaration
                .option("-d|--domain", "DOMAIN", String.class, "the domain (default: every running one)",
                        v -> domain = v)
                .option("-w|--weight", "WEIGHT", Integer.class, "its weight against the others, 1 to 65535 "
                        + "(Xen's default 256)", v -> weight = v)
                .optionTakingShortName("-c", "--cap", "CAP", Integer.class, "the most CPU it may use, in percent "
                        + "of one CPU (0: no cap); -c is --connect before the verb", v -> cap = v);
    }

    /** The scheduler this verb is for: credit or credit2. */
    abstract String scheduler();

    @Override
    View execute(Session session) {
        if (weight != null && (weight < 1 || weight > SchedulerSettings.MAX_WEIGHT)) {
            throw new XenctlException(ErrorCode.OUT_OF_RANGE, "a weight is 1 to " + SchedulerSettings.MAX_WEIGHT
                    + ", not " + weight, "Xen's default is 256; twice that gets twice the CPU under contention");
        }
        if (cap != null && cap < 0) {
            throw new XenctlException(ErrorCode.OUT_OF_RANGE, "a cap is 0 (none) or a percentage of one CPU, not "
                    + cap, null);
        }
        if (domain == null && (weight != null || cap != null)) {
            throw new XenctlException(ErrorCode.USAGE, "-w and -c need a domain", "name it with -d DOMAIN");
        }
        Hypervisor hypervisor = session.hypervisor();
        if (domain == null) {
            return list(hypervisor);
        }
        DomainSummary target = hypervisor.lookup(DomainRef.of(domain));
        String name = target.name();
        if (!target.isActive()) {
            throw new XenctlException(ErrorCode.WRONG_STATE, "domain " + name + " is not running, and libvirt keeps "
                    + "a Xen domain's scheduler parameters only while it runs", "start it, then set them");
        }
        SchedulerSettings now = settings(hypervisor, target);
        if (weight == null && cap == null) {
            return new SchedListView(now.scheduler(), List.of(row(target, now)));
        }
        if (cap != null && cap > 0) {
            int most = 100 * hypervisor.resources(target.uuid(), false).maxVcpus();
            if (cap > most) {
                throw new XenctlException(ErrorCode.OUT_OF_RANGE, "domain " + name + " may be capped at " + most
                        + "% at most (100 per vCPU), not " + cap + "%", "give 0 for no cap, or at most " + most);
            }
        }
        Integer newWeight = weight != null && !weight.equals(now.weight()) ? weight : null;
        Integer newCap = cap != null && !cap.equals(now.cap()) ? cap : null;
        int weightNow = weight == null ? now.weight() : weight;
        int capNow = cap == null ? now.cap() : cap;
        String figures = "weight " + weightNow + ", cap " + (capNow == 0 ? "none" : capNow + "%");
        if (newWeight == null && newCap == null) {
            return new SchedChangeView(name, scheduler(), weightNow, capNow, false, name + " has " + figures
                    + " under " + scheduler() + " already: nothing to do");
        }
        hypervisor.setScheduler(target.uuid(), newWeight, newCap);
        return new SchedChangeView(name, scheduler(), weightNow, capNow, true, name + " now has " + figures
                + " under " + scheduler() + " (the running domain only)");
    }

    private View list(Hypervisor hypervisor) {
        List<SchedListView.Row> rows = new ArrayList<>();
        String hostScheduler = null;
        for (DomainSummary summary : hypervisor.list(false, DomainSummary.Detail.STATE)) {
            SchedulerSettings settings = settings(hypervisor, summary);
            hostScheduler = settings.scheduler();
            rows.add(row(summary, settings));
        }
        return new SchedListView(hostScheduler == null ? scheduler() : hostScheduler, rows);
    }

    /** The domain's settings, refused when the host runs another scheduler than this verb's. */
    private SchedulerSettings settings(Hypervisor hypervisor, DomainSummary summary) {
        SchedulerSettings settings = hypervisor.scheduler(summary.uuid());
        if (!scheduler().equals(settings.scheduler())) {
            String verb = switch (settings.scheduler()) {
                case "credit" -> "sched-credit";
                case "credit2" -> "sched-credit2";
                default -> null;
            };
            throw new XenctlException(ErrorCode.UNSUPPORTED, "this host runs the " + settings.scheduler()
                    + " scheduler, not " + scheduler(), verb != null ? "use " + verb
                    : "xenctl sets Xen's credit and credit2 parameters only");
        }
        if (settings.weight() == null || settings.cap() == null) {
            throw new XenctlException(ErrorCode.UNSUPPORTED, "libvirt reports no weight and cap for domain "
                    + summary.name() + " under " + settings.scheduler(), null);
        }
        return settings;
    }

    private static SchedListView.Row row(DomainSummary summary, SchedulerSettings settings) {
        return new SchedListView.Row(summary.name(), summary.id(), settings.weight(), settings.cap());
    }

    static final class Credit extends SchedCommand {
        @Override
        String scheduler() {
            return "credit";
        }
    }

    static final class Credit2 extends SchedCommand {
        @Override
        String scheduler() {
            return "credit2";
        }
    }
}
