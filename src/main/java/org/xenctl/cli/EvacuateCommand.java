package org.xenctl.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.xenctl.domain.ConnectOptions;
import org.xenctl.domain.DomainDetails;
import org.xenctl.domain.DomainSummary;
import org.xenctl.domain.ErrorCode;
import org.xenctl.domain.Hypervisor;
import org.xenctl.domain.Migration;
import org.xenctl.domain.MigrationPreflight;
import org.xenctl.domain.XenctlException;
import org.xenctl.render.OutputFormat;
import org.xenctl.render.View;
import org.xenctl.render.view.EvacuateView;

/**
 * evacuate: every running guest off a host for its maintenance, one migration at a time, largest first, each to
 * the destination with the most free memory left (counting the guests already placed) that passes the migration
 * checks. A defined guest stays defined, on its new host only. --check prints the plan; Ctrl-C stops after the
 * migration under way (xenctl drives it and sees it through), so each guest is on exactly one host.
 */
final class EvacuateCommand extends HypervisorCommand {
    String host;
    List<String> to = new ArrayList<>();
    boolean plan;
    boolean live = true;
    /** Where each planned guest goes, by name. */
    private final Map<String, Target> placed = new LinkedHashMap<>();

    @Override
    void declare(Declaration declaration) {
        declaration
                .flag("--check", "check and print the plan; move nothing", v -> plan = v)
                .repeatable("--to", "DEST", new HostArgument("a libvirt URI or the name of a host group of "
                        + "xenctl.conf"), "a destination: a libvirt URI, or a host group of xenctl.conf "
                        + "(default: the other hosts of HOST's groups)", () -> to, v -> to = v)
                .flag("--live", "copy each guest's memory while it runs (the default, as xl does)", v -> live = true)
                .flag("--no-live", "pause each guest for its copy", v -> live = !v)
                .parameter("0", "HOST", String.class, HostArgument.uri(), "the host to empty, its libvirt URI (as -c takes it)",
                        v -> host = v);
    }

    @Override
    boolean needsSession() {
        return false;
    }

    @Override
    boolean changesHost() {
        return !plan;
    }

    @Override
    View execute(Session unused) {
        List<String> destinations = destinations();
        try (Session sourceSession = invocation().context().sessions().open(host, ConnectOptions.READ_WRITE)) {
            Hypervisor source = sourceSession.hypervisor();
            String from = MigrationPreflight.hostLabel(source);
            Map<String, Target> targets = new LinkedHashMap<>();
            List<String> unreachable = new ArrayList<>();
            try {
                for (String uri : destinations) {
                    open(uri, from, targets, unreachable);
                }
                List<EvacuateView.Move> moves = plan(source, targets);
                if (!plan) {
                    moves = carryOut(source, moves, targets);
                }
                return new EvacuateView(from, plan, moves, unreachable, summary(from, moves));
            } finally {
                targets.values().forEach(target -> target.session.close());
            }
        }
    }

    @Override
    int exitStatus(View view) {
        EvacuateView evacuation = (EvacuateView) view;
        if (evacuation.interrupted()) {
            return ExitStatus.INTERRUPTED;
        }
        if (evacuation.anyFailed()) {
            return ExitStatus.FAILURE;
        }
        return evacuation.anyStays() ? ExitStatus.CONFLICT : ExitStatus.OK;
    }

    /** --to's URIs and groups, else the other hosts of every group that has HOST. */
    private List<String> destinations() {
        Map<String, List<String>> groups = invocation().context().defaults().conf().hostGroups();
        LinkedHashSet<String> found = new LinkedHashSet<>();
        if (to.isEmpty()) {
            groups.values().stream().filter(members -> members.contains(host)).forEach(found::addAll);
        }
        for (String destination : to) {
            if (destination.contains(":") || !groups.containsKey(destination)) {
                found.add(destination);
            } else {
                found.addAll(groups.get(destination));
            }
        }
        found.remove(host);
        if (found.isEmpty()) {
            throw new XenctlException(ErrorCode.USAGE, "no destination for the guests of " + host,
                    to.isEmpty() ? "give --to URI or --to GROUP, or put " + host + " in a host group of "
                            + invocation().context().defaults().conf().file() + " with other hosts"
                            : "--to names only " + host + " itself");
        }
        return new ArrayList<>(found);
    }

    /**
     * Opens a destination, kept by its URI; named by the host name its libvirtd gives, or by the URI where that
     * name does not tell it apart (from the host being emptied, or from another destination).
     */
    private void open(String uri, String from, Map<String, Target> targets, List<String> unreachable) {
        try {
            Session session = invocation().context().sessions().open(uri, ConnectOptions.READ_WRITE);
            Hypervisor hypervisor = session.hypervisor();
            String label = MigrationPreflight.hostLabel(hypervisor);
            boolean clash = label.equals(from) || targets.values().stream().anyMatch(t -> t.label.equals(label));
            Long free = hypervisor.hostInfo().freeMemoryKiB();
            targets.put(uri, new Target(session, uri, clash ? uri : label, free == null ? -1 : free));
        } catch (XenctlException e) {
            unreachable.add(uri + ": " + e.getMessage());
            invocation().err().println("xenctl: warning: " + uri + " cannot take guests: " + e.getMessage());
        }
    }

    /** Largest guest first, each to the fitting host with the most free memory left. */
    private List<EvacuateView.Move> plan(Hypervisor source, Map<String, Target> targets) {
        List<DomainSummary> running = new ArrayList<>(source.list(false).stream()
                .filter(domain -> domain.isActive() && !domain.isControlDomain()).toList());
        running.sort(Comparator.comparingLong(DomainSummary::memoryKiB).reversed()
                .thenComparing(DomainSummary::name));
        List<EvacuateView.Move> moves = new ArrayList<>();
        placed.clear();
        for (DomainSummary domain : running) {
            DomainDetails guest = source.details(domain);
            try {
                MigrationPreflight.checkMovable(guest);
            } catch (XenctlException e) {
                moves.add(new EvacuateView.Move(domain.name(), domain.memoryKiB(), null, "stays", null,
                        e.getMessage()));
                continue;
            }
            List<String> refusals = new ArrayList<>();
            Target chosen = null;
            List<Target> byRoom = new ArrayList<>(targets.values());
            byRoom.sort(Comparator.comparingLong((Target target) -> target.free).reversed());
            for (Target target : byRoom) {
                if (target.free >= 0 && target.free < domain.memoryKiB()) {
                    refusals.add(target.label + " has " + target.free / 1024 + " MiB left");
                    continue;
                }
                MigrationPreflight.Findings findings = MigrationPreflight.check(guest, source,
                        target.session.hypervisor());
                if (findings.refusals().isEmpty()) {
                    chosen = target;
                    break;
                }
                refusals.add(findings.refusals().get(0));
            }
            if (chosen == null) {
                moves.add(new EvacuateView.Move(domain.name(), domain.memoryKiB(), null, "stays", null,
                        targets.isEmpty() ? "no destination answered" : String.join("; ", refusals)));
            } else {
                if (chosen.free >= 0) {
                    chosen.free -= domain.memoryKiB();
                }
                moves.add(new EvacuateView.Move(domain.name(), domain.memoryKiB(), chosen.label, "planned", null,
                        null));
                placed.put(domain.name(), chosen);
            }
        }
        return moves;
    }

    private List<EvacuateView.Move> carryOut(Hypervisor source, List<EvacuateView.Move> planned,
                                             Map<String, Target> targets) {
        List<EvacuateView.Move> done = new ArrayList<>();
        boolean stopped = false;
        for (EvacuateView.Move move : planned) {
            if (!move.outcome().equals("planned")) {
                done.add(move);
                continue;
            }
            if (stopped) {
                done.add(new EvacuateView.Move(move.domain(), move.memoryKib(), move.destination(), "not-started",
                        null, "evacuate was stopped"));
                continue;
            }
            Target target = placed.get(move.domain());
            try {
                DomainDetails guest = source.details(source.lookup(org.xenctl.domain.DomainRef.of(move.domain())));
                Migration migration = new Migration(live, guest.persistent(), guest.persistent(), false, null, null,
                        false);
                double seconds = new MigrationCall(invocation(), target.uri, null).move(source,
                        target.session.hypervisor(), guest, migration);
                EvacuateView.Move moved = new EvacuateView.Move(move.domain(), move.memoryKib(), move.destination(),
                        "moved", seconds, null);
                done.add(moved);
                progress("moved " + move.domain() + " to " + move.destination() + " in " + seconds + " s");
            } catch (XenctlException e) {
                done.add(new EvacuateView.Move(move.domain(), move.memoryKib(), move.destination(), "failed", null,
                        e.getMessage()));
                progress("could not move " + move.domain() + ": " + e.getMessage());
            }
            // Ctrl-C: the migration under way was seen through; start no other.
            stopped = Thread.interrupted();
        }
        return done;
    }

    /** A line per guest as it goes, on stderr in text (the table comes at the end). */
    private void progress(String line) {
        if (invocation().output() == OutputFormat.TEXT && !invocation().quiet()) {
            invocation().err().println("xenctl: " + line);
        }
    }

    private String summary(String from, List<EvacuateView.Move> moves) {
        long moved = moves.stream().filter(move -> move.outcome().equals("moved")).count();
        long planned = moves.stream().filter(move -> move.outcome().equals("planned")).count();
        long staying = moves.size() - moved - planned;
        if (moves.isEmpty()) {
            return "No guest runs on " + from + ".";
        }
        return plan ? planned + " of " + moves.size() + " guests of " + from + " would move"
                + (staying > 0 ? "; " + staying + " would stay." : ".")
                : moved + " of " + moves.size() + " guests moved off " + from
                        + (staying > 0 ? "; " + staying + " still there." : ".");
    }

    /**
     * A destination: its session, the URI it was reached at, its name in the report, and the memory left for
     * guests (-1: its driver does not tell).
     */
    private static final class Target {
        final Session session;
        final String uri;
        final String label;
        long free;

        Target(Session session, String uri, String label, long free) {
            this.session = session;
            this.uri = uri;
            this.label = label;
            this.free = free;
        }
    }
}
