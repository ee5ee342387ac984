package org.xenctl.render.view;

import org.xenctl.render.TextOutput;
import org.xenctl.render.View;

/**
 * What pci-attach or pci-detach did. {@code live} and {@code config} say where the change was made (the running
 * domain, the persistent definition); both false with {@code changed} false: it was so already.
 */
public record PciAttachmentView(String domain, String address, boolean changed, boolean live, boolean config,
                                String message) implements View {

    @Override
    public void writeText(TextOutput out) {
        out.note(message);
    }
}
