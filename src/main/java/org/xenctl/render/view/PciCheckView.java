package org.xenctl.render.view;

import java.util.List;
import java.util.Locale;

import org.xenctl.host.pci.PciCheck;
import org.xenctl.render.TextOutput;
import org.xenctl.render.View;

/** pci-check: a verdict per device, and every reason for it in one line. */
public record PciCheckView(List<Device> devices) implements View {

    /** @param verdict assignable, warnings, refused or not-found */
    public record Device(String address, String verdict, String summary, List<Reason> reasons) { }

    /** @param severity refused, warning or note */
    public record Reason(String severity, String code, String message) { }

    public static PciCheckView of(List<PciCheck.Report> reports) {
        return new PciCheckView(reports.stream().map(report -> new Device(report.address().toString(),
                report.verdict().name().toLowerCase(Locale.ROOT).replace('_', '-'), report.verdict().words(),
                report.reasons().stream().map(r -> new Reason(r.severity().name().toLowerCase(Locale.ROOT),
                        r.code(), r.message())).toList())).toList());
    }

    @Override
    public void writeText(TextOutput out) {
        for (Device device : devices) {
            out.line(device.address() + ": " + device.summary());
            for (Reason reason : device.reasons()) {
                out.line("  " + reason.severity() + ": " + reason.message());
            }
        }
    }
}
