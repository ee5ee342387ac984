package org.xenctl.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

import org.xenctl.domain.ErrorCode;
import org.xenctl.domain.XenctlException;
import org.xenctl.xlcfg.Position;
import org.xenctl.xlcfg.SpecReport;
import org.xenctl.xlcfg.XlProblem;

/**
 * A NET_SPEC or DISK_SPEC on the command line (network-attach, block-attach): xl takes its key=value tokens as
 * separate words or as one comma-separated word; both are read as one vif=[…] or disk=[…] entry, by the same parser,
 * and a bad one is refused with the column of the fault in the joined text.
 *
 * @param warnings what the spec asks that libvirt cannot carry
 */
record DeviceSpecArgument<T>(T device, String text, List<XlProblem> warnings) {

    static <T> DeviceSpecArgument<T> read(String what, List<String> words, boolean compat,
            BiFunction<String, SpecReport, T> reader) {
        String text = String.join(",", words);
        List<XlProblem> problems = new ArrayList<>();
        SpecReport report = new SpecReport(null, new Position(1, 0), what + " '" + text + "'", compat, problems);
        T device = reader.apply(text, report);
        problems.stream().filter(XlProblem::isError).findFirst().ifPresent(problem -> {
            throw new XenctlException(ErrorCode.USAGE, problem.message() + " (column "
                    + problem.position().column() + ")", problem.hint());
        });
        if (device == null) {
            throw new XenctlException(ErrorCode.USAGE, what + " '" + text + "' names no device", null);
        }
        return new DeviceSpecArgument<>(device, text, List.copyOf(problems));
    }
}
