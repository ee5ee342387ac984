package org.xenctl.render.view;

import java.util.List;

import org.xenctl.render.TextOutput;
import org.xenctl.render.View;

/**
 * What network-attach/-detach or block-attach/-detach did. {@code device} is the NIC's MAC (generated when none
 * was given) or the disk's vdev; {@code live} and {@code config} say where the change was made; both false with
 * {@code changed} false: it was so already.
 */
public record DeviceChangeView(String domain, String kind, String device, boolean changed, boolean live,
                               boolean config, String message, List<ProblemView> warnings) implements View {

    /** A change that raised no warning. */
    public DeviceChangeView(String domain, String kind, String device, boolean changed, boolean live, boolean config,
            String message) {
        this(domain, kind, device, changed, live, config, message, List.of());
    }

    @Override
    public void writeText(TextOutput out) {
        out.note(message);
    }
}
