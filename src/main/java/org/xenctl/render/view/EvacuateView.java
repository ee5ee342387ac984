package org.xenctl.render.view;

import java.util.List;

import org.xenctl.render.Table;
import org.xenctl.render.TextOutput;
import org.xenctl.render.View;

/**
 * What evacuate planned (--check) or did: each running guest of the host, the host chosen for it, and what
 * happened to it, largest first (the order it was placed and moved in).
 *
 * @param unreachable the destinations that could not be used, each with why
 */
public record EvacuateView(String host, boolean dryRun, List<Move> moves, List<String> unreachable, String message)
        implements View {

    /** Outcomes of a guest: planned (--check), moved, failed, stays (no host can take it), not-started (Ctrl-C). */
    public record Move(String domain, long memoryKib, String destination, String outcome, Double seconds,
                       String reason) { }

    public EvacuateView {
        moves = List.copyOf(moves);
        unreachable = List.copyOf(unreachable);
    }

    public boolean anyFailed() {
        return moves.stream().anyMatch(move -> move.outcome().equals("failed"));
    }

    public boolean anyStays() {
        return moves.stream().anyMatch(move -> move.outcome().equals("stays"));
    }

    public boolean interrupted() {
        return moves.stream().anyMatch(move -> move.outcome().equals("not-started"));
    }

    @Override
    public void writeText(TextOutput out) {
        if (!moves.isEmpty()) {
            Table table = new Table().column("Domain", Table.Align.LEFT).column("MiB", Table.Align.RIGHT)
                    .column("To", Table.Align.LEFT).column("Outcome", Table.Align.LEFT)
                    .column("Seconds", Table.Align.RIGHT).column("Detail", Table.Align.LEFT);
            for (Move move : moves) {
                table.row(move.domain(), move.memoryKib() / 1024, move.destination(), move.outcome(), move.seconds(),
                        move.reason());
            }
            out.table(table);
        }
        out.note(message);
    }
}
