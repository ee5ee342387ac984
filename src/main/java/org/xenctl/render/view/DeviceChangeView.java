package org.xenctl.render.view;

import org.xenctl.render.TextOutput;
import org.xenctl.render.View;

/**
 * What network-attach/-detach or block-attach/-detach did. {@code device} is the NIC's MAC (generated when none
 * was given) or the disk's vdev; {@code live} and {@code config} say where the change was made; both false with
 * {@code changed} false: it was so already.
 */
public record DeviceChangeView(String domain, String kind, String device, boolean changed, boolean live,
                               boolean config, String message) implements View {

    @Override
    public void writeText(TextOutput out) {
        out.note(message);
    }
}
