package app.covenant.documents.pdf;

import java.io.IOException;
import java.io.StringReader;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Parses the markup to render, and gives it the house stylesheet.
 *
 * <p>openhtmltopdf lays out an XML DOM. jsoup, which could turn any HTML5 into one, is not on the
 * classpath, so the input must be well-formed XHTML; Thymeleaf output is, as long as the template
 * closes its void elements. Parsing here rather than inside openhtmltopdf lets us refuse external
 * DTDs and entities (the markup may carry user values) and explain a malformed template plainly.
 */
final class XhtmlDocuments {

    private static final String XHTML_HINT = "PDF templates must be well-formed XHTML: close void elements"
            + " (<br/>, <meta charset=\"UTF-8\"/>), quote attributes and write named entities as numeric"
            + " references (&#160; for &nbsp;).";

    private final String houseStyle;

    XhtmlDocuments(String houseStyle) {
        this.houseStyle = houseStyle;
    }

    /** The parsed document with the house stylesheet first in its head, so the markup's own styles win. */
    Document parse(String xhtml) {
        Document document = read(xhtml);
        Element root = document.getDocumentElement();
        if (!"html".equals(root.getLocalName())) {
            throw new IllegalArgumentException("PDF markup must be an <html> document, found <" + root.getTagName() + ">.");
        }
        Element style = document.createElementNS(root.getNamespaceURI(), "style");
        style.setAttribute("type", "text/css");
        style.setTextContent(houseStyle);
        Element head = headOf(root);
        head.insertBefore(style, head.getFirstChild());
        return document;
    }

    private Document read(String xhtml) {
        try {
            // A factory per parse: factories are cheap, and not promised to be thread-safe.
            DocumentBuilder builder = hardenedFactory().newDocumentBuilder();
            builder.setErrorHandler(THROWING);
            // No entity resolver can fetch anything: external DTDs are not loaded at all.
            builder.setEntityResolver((publicId, systemId) -> new InputSource(new StringReader("")));
            return builder.parse(new InputSource(new StringReader(xhtml)));
        } catch (SAXParseException e) {
            throw new IllegalArgumentException("The markup is not well-formed XHTML (line " + e.getLineNumber()
                    + ", column " + e.getColumnNumber() + ": " + e.getMessage() + "). " + XHTML_HINT, e);
        } catch (SAXException | IOException | ParserConfigurationException e) {
            throw new IllegalArgumentException("The markup could not be parsed as XHTML. " + XHTML_HINT, e);
        }
    }

    private static Element headOf(Element root) {
        for (Node child = root.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && "head".equals(element.getLocalName())) {
                return element;
            }
        }
        Element head = root.getOwnerDocument().createElementNS(root.getNamespaceURI(), "head");
        root.insertBefore(head, root.getFirstChild());
        return head;
    }

    private static DocumentBuilderFactory hardenedFactory() {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setXIncludeAware(false);
        try {
            // Secure processing also bounds internal entity expansion (no "billion laughs").
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("The XML parser cannot be configured safely", e);
        }
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        return factory;
    }

    /** Without it the JDK parser also prints every error to standard error. */
    private static final ErrorHandler THROWING = new ErrorHandler() {
        @Override
        public void warning(SAXParseException exception) {
            // A warning does not stop parsing and says nothing the caller must act on.
        }

        @Override
        public void error(SAXParseException exception) throws SAXException {
            throw exception;
        }

        @Override
        public void fatalError(SAXParseException exception) throws SAXException {
            throw exception;
        }
    };
}
