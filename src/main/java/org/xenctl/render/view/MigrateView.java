package org.xenctl.render.view;

import java.util.List;

import org.xenctl.render.TextOutput;
import org.xenctl.render.View;

/**
 * What migrate did, or under --check would do: the domain, the hosts it left and reached (as their libvirtds name
 * them), its state there, how long the move took, and what could not be checked beforehand.
 *
 * @param seconds  the migration's wall-clock time; null under --check and when nothing moved
 * @param unchecked what the checks could not see (e.g. a libvirtd that cannot list interfaces)
 */
public record MigrateView(String domain, String uuid, String source, String destination, String destinationUri,
                          boolean live, boolean peerToPeer, boolean persistent, boolean changed, boolean dryRun,
                          String state, Double seconds, List<String> unchecked, String message) implements View {

    public MigrateView {
        unchecked = List.copyOf(unchecked);
    }

    @Override
    public void writeText(TextOutput out) {
        out.note(message);
    }
}
