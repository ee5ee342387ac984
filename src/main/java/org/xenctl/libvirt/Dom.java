package org.xenctl.libvirt;

import java.util.ArrayList;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xenctl.domain.ErrorCode;
import org.xenctl.domain.XenctlException;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The one set of DOM helpers for libvirt's XML (domains, node devices), with one convention: a missing element or
 * attribute is null, never an exception, and a null parent has no children.
 */
final class Dom {
    private Dom() {
    }

    /**
     * The calling thread's parser, made once: a new factory and builder for each document cost more than the parse
     * of a small one (stats parses every running domain's XML each interval, several threads at a time).
     */
    private static final ThreadLocal<DocumentBuilder> BUILDERS = ThreadLocal.withInitial(Dom::newBuilder);

    /** A parser that refuses DOCTYPEs (no entity expansion) and reports errors as exceptions, not on stderr. */
    static DocumentBuilder builder() {
        return BUILDERS.get();
    }

    private static DocumentBuilder newBuilder() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            // The default handler prints "[Fatal Error]" lines to stderr; errors reach the caller as exceptions.
            builder.setErrorHandler(new org.xml.sax.helpers.DefaultHandler() {
                @Override
                public void error(SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser lacks a required feature", e);
        }
    }

    /** The first child element named {@code tag}, or null. */
    static Element child(Element parent, String tag) {
        List<Element> found = children(parent, tag);
        return found.isEmpty() ? null : found.get(0);
    }

    /** The child elements named {@code tag}, in order. */
    static List<Element> children(Element parent, String tag) {
        List<Element> found = new ArrayList<>();
        if (parent == null) {
            return found;
        }
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node node = nodes.item(i);
            if (node instanceof Element element && element.getTagName().equals(tag)) {
                found.add(element);
            }
        }
        return found;
    }

    /** The attribute's value, or null when the element or the attribute is missing. */
    static String attribute(Element element, String name) {
        return element == null || !element.hasAttribute(name) ? null : element.getAttribute(name);
    }

    /** The element's text, stripped, or {@code fallback} when there is no element. */
    static String text(Element element, String fallback) {
        return element == null ? fallback : element.getTextContent().strip();
    }

    /**
     * A number as libvirt writes one, "0x1f" or "31"; 0 when empty or missing; INVALID_CONFIG when it is no number
     * (what libvirt never writes, but a hand-written file or a broken tool may).
     */
    static int number(String value) {
        String text = value == null ? "" : value.strip();
        if (text.isEmpty()) {
            return 0;
        }
        try {
            return text.startsWith("0x") ? Integer.parseInt(text.substring(2), 16) : Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new XenctlException(ErrorCode.INVALID_CONFIG, "'" + text + "' is not a number libvirt writes",
                    "give the XML virsh dumpxml writes");
        }
    }

    /**
     * A memory size element ({@code <memory unit='MiB'>128</memory>}) in KiB, with every unit libvirt's schema
     * takes (KiB when none is given): binary ones (k, KiB, M, MiB, G, GiB, T, TiB) and decimal ones (KB, MB, GB, TB).
     * NumberFormatException or ArithmeticException for a number libvirt would not write.
     */
    static long kib(Element memory) {
        long value = Long.parseLong(memory.getTextContent().strip());
        String unit = memory.getAttribute("unit");
        return switch (unit.isEmpty() ? "KiB" : unit) {
            case "b", "bytes" -> value / 1024;
            case "KB" -> Math.multiplyExact(value, 1000L) / 1024;
            case "M", "MiB" -> Math.multiplyExact(value, 1024L);
            case "MB" -> Math.multiplyExact(value, 1000L * 1000) / 1024;
            case "G", "GiB" -> Math.multiplyExact(value, 1024L * 1024);
            case "GB" -> Math.multiplyExact(value, 1000L * 1000 * 1000) / 1024;
            case "T", "TiB" -> Math.multiplyExact(value, 1024L * 1024 * 1024);
            case "TB" -> Math.multiplyExact(value, 1000L * 1000 * 1000 * 1000) / 1024;
            default -> value;
        };
    }
}
