package org.xenctl.domain.spec;

/**
 * A VNC console (HVM {@code vnc*} keys, or a PV {@code vfb} entry). Null fields are not set.
 *
 * @param display the VNC display number (port 5900 + display), or null for the first free one
 */
public record Graphics(String listen, Integer display, String password, String keymap) {
}
