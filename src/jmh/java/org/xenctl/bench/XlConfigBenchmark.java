package org.xenctl.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.xenctl.domain.spec.XlDomainReader;
import org.xenctl.libvirt.SpecXmlWriter;
import org.xenctl.xlcfg.XlConfig;
import org.xenctl.xlcfg.XlParser;

/**
 * xl.cfg files per second, in process, at the three depths xenctl reads them: parsed (config check's syntax),
 * read into a domain (config check), and converted to libvirt XML (create and config convert, before libvirt is
 * asked). Run by bench/run; the file is a parameter, by default the PV guest of examples/.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class XlConfigBenchmark {
    @Param("examples/guest-pv.cfg")
    public String file;

    private String text;

    @Setup
    public void load() throws IOException {
        text = Files.readString(Path.of(file));
    }

    @Benchmark
    public XlConfig parse() {
        return XlParser.parse(text, file, List.of());
    }

    @Benchmark
    public XlDomainReader.Reading read() {
        return XlDomainReader.read(XlParser.parse(text, file, List.of()), false);
    }

    @Benchmark
    public String convert() {
        return SpecXmlWriter.write(XlDomainReader.read(XlParser.parse(text, file, List.of()), false).spec(), "xen");
    }
}
