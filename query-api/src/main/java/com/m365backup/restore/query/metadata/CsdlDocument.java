package com.m365backup.restore.query.metadata;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.StringWriter;
import java.util.List;

/**
 * The service model as an OData 4.0 CSDL XML document, the answer of {@code $metadata}. Written through StAX, so
 * every name and value is escaped as XML requires, and indented for a person reading it with curl.
 */
public final class CsdlDocument {

    private static final String EDMX = "http://docs.oasis-open.org/odata/ns/edmx";
    private static final String EDM = "http://docs.oasis-open.org/odata/ns/edm";
    /**
     * Graph's own document references OData's Core vocabulary as {@code Core}: the delta PATCH answers carry its
     * {@code @Core.DataModificationException} annotation, which is valid only with this alias declared.
     */
    private static final String CORE_VOCABULARY =
            "https://oasis-tcs.github.io/odata-vocabularies/vocabularies/Org.OData.Core.V1.xml";

    private final XMLStreamWriter xml;
    private int depth;

    private CsdlDocument(XMLStreamWriter xml) {
        this.xml = xml;
    }

    public static String of(ServiceModel model) {
        StringWriter text = new StringWriter();
        try {
            XMLStreamWriter writer = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
            new CsdlDocument(writer).write(model);
            writer.close();
        } catch (XMLStreamException impossible) {
            throw new IllegalStateException("The service model cannot be written as CSDL", impossible);
        }
        return text.toString();
    }

    private void write(ServiceModel model) throws XMLStreamException {
        xml.writeStartDocument("UTF-8", "1.0");
        start("edmx", "Edmx", EDMX);
        xml.writeNamespace("edmx", EDMX);
        xml.writeAttribute("Version", "4.0");
        start("edmx", "Reference", EDMX);
        xml.writeAttribute("Uri", CORE_VOCABULARY);
        empty("edmx", "Include", EDMX);
        xml.writeAttribute("Namespace", "Org.OData.Core.V1");
        xml.writeAttribute("Alias", "Core");
        end();
        start("edmx", "DataServices", EDMX);
        start("", "Schema", EDM);
        xml.writeDefaultNamespace(EDM);
        xml.writeAttribute("Namespace", TypeNames.NAMESPACE);
        xml.writeAttribute("Alias", TypeNames.ALIAS);
        for (EnumType type : model.enumTypes()) {
            enumType(type);
        }
        for (EntityType type : model.entityTypes()) {
            entityType(type);
        }
        for (ComplexType type : model.complexTypes()) {
            complexType(type);
        }
        for (BoundAction action : model.actions()) {
            action(action);
        }
        start("", "EntityContainer", EDM);
        xml.writeAttribute("Name", ServiceModel.CONTAINER);
        for (var singleton : model.singletons().entrySet()) {
            empty("", "Singleton", EDM);
            xml.writeAttribute("Name", singleton.getKey());
            xml.writeAttribute("Type", singleton.getValue());
        }
        end();
        end();
        end();
        end();
        xml.writeCharacters("\n");
        xml.writeEndDocument();
    }

    private void enumType(EnumType type) throws XMLStreamException {
        start("", "EnumType", EDM);
        xml.writeAttribute("Name", type.name());
        if (type.flags()) {
            xml.writeAttribute("IsFlags", "true");
        }
        for (String member : type.members()) {
            empty("", "Member", EDM);
            xml.writeAttribute("Name", member);
            xml.writeAttribute("Value", Long.toString(type.valueOf(member)));
        }
        end();
    }

    private void entityType(EntityType type) throws XMLStreamException {
        start("", "EntityType", EDM);
        xml.writeAttribute("Name", type.name());
        if (type.baseType() != null) {
            xml.writeAttribute("BaseType", type.baseType());
        }
        if (type.isAbstract()) {
            xml.writeAttribute("Abstract", "true");
        }
        if (!type.key().isEmpty()) {
            start("", "Key", EDM);
            for (String name : type.key()) {
                empty("", "PropertyRef", EDM);
                xml.writeAttribute("Name", name);
            }
            end();
        }
        properties(type.properties(), type.navigations());
        end();
    }

    private void complexType(ComplexType type) throws XMLStreamException {
        start("", "ComplexType", EDM);
        xml.writeAttribute("Name", type.name());
        if (type.open()) {
            xml.writeAttribute("OpenType", "true");
        }
        properties(type.properties(), type.navigations());
        end();
    }

    private void properties(List<StructuralProperty> properties, List<NavigationProperty> navigations)
            throws XMLStreamException {
        for (StructuralProperty property : properties) {
            typed("Property", property);
        }
        for (NavigationProperty navigation : navigations) {
            empty("", "NavigationProperty", EDM);
            xml.writeAttribute("Name", navigation.name());
            xml.writeAttribute("Type", navigation.type());
            if (navigation.containsTarget()) {
                xml.writeAttribute("ContainsTarget", "true");
            }
        }
    }

    private void action(BoundAction action) throws XMLStreamException {
        start("", "Action", EDM);
        xml.writeAttribute("Name", action.name());
        xml.writeAttribute("IsBound", "true");
        typed("Parameter", StructuralProperty.required("bindingParameter", action.boundTo()));
        for (StructuralProperty parameter : action.parameters()) {
            typed("Parameter", parameter);
        }
        if (action.returnType() != null) {
            empty("", "ReturnType", EDM);
            xml.writeAttribute("Type", action.returnType());
        }
        end();
    }

    private void typed(String element, StructuralProperty property) throws XMLStreamException {
        empty("", element, EDM);
        xml.writeAttribute("Name", property.name());
        xml.writeAttribute("Type", property.type());
        if (!property.nullable()) {
            xml.writeAttribute("Nullable", "false");
        }
    }

    private void start(String prefix, String name, String namespace) throws XMLStreamException {
        indent();
        xml.writeStartElement(prefix, name, namespace);
        depth++;
    }

    private void empty(String prefix, String name, String namespace) throws XMLStreamException {
        indent();
        xml.writeEmptyElement(prefix, name, namespace);
    }

    private void end() throws XMLStreamException {
        depth--;
        indent();
        xml.writeEndElement();
    }

    private void indent() throws XMLStreamException {
        xml.writeCharacters("\n" + "  ".repeat(depth));
    }
}
