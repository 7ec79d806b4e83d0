package com.m365backup.restore.app.metadata;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.olingo.commons.api.edm.Edm;
import org.apache.olingo.commons.api.edm.EdmBindingTarget;
import org.apache.olingo.commons.api.edm.EdmComplexType;
import org.apache.olingo.commons.api.edm.EdmEntityContainer;
import org.apache.olingo.commons.api.edm.EdmEntityType;
import org.apache.olingo.commons.api.edm.EdmEnumType;
import org.apache.olingo.commons.api.edm.EdmNavigationProperty;
import org.apache.olingo.commons.api.edm.EdmProperty;
import org.apache.olingo.commons.api.edm.EdmStructuredType;
import org.apache.olingo.commons.api.edm.FullQualifiedName;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Resolves a context URL's fragment against a model Olingo read from {@code $metadata}, as an OData client does: a
 * singleton or entity set, then navigation properties (key predicates and type casts allowed), or a qualified type
 * name; and checks a payload against the type it resolved to, property by property.
 */
record ContextUrls(Edm edm) {

    /** What a context URL names: a structured type, and whether a collection of it. */
    record Resolved(EdmStructuredType type, boolean collection) {
    }

    Resolved resolve(String fragment) {
        String path = fragment.endsWith("/$entity") ? fragment.substring(0, fragment.length() - "/$entity".length())
                : fragment;
        boolean entity = !path.equals(fragment);
        if (!path.contains("/") && path.contains(".")) {
            EdmStructuredType type = structuredType(path);
            assertThat(type).as("the type %s of context %s", path, fragment).isNotNull();
            return new Resolved(type, false);
        }
        String[] segments = path.split("/");
        EdmEntityContainer container = edm.getEntityContainer();
        String first = withoutKey(segments[0]);
        EdmBindingTarget target = container.getSingleton(first) != null ? container.getSingleton(first)
                : container.getEntitySet(first);
        assertThat(target).as("a singleton or entity set %s in the container, for context %s", first, fragment)
                .isNotNull();
        EdmStructuredType current = target.getEntityType();
        boolean collection = container.getEntitySet(first) != null && !segments[0].contains("(");
        for (int i = 1; i < segments.length; i++) {
            String segment = segments[i];
            if (segment.contains(".")) {
                EdmEntityType cast = edm.getEntityType(new FullQualifiedName(segment));
                assertThat(cast).as("the cast %s of context %s", segment, fragment).isNotNull();
                assertThat(cast.compatibleTo(current)).as("%s derives from %s", segment, current.getName()).isTrue();
                current = cast;
                continue;
            }
            EdmNavigationProperty navigation = current.getNavigationProperty(withoutKey(segment));
            assertThat(navigation).as("a navigation %s of %s, for context %s", segment, current.getName(), fragment)
                    .isNotNull();
            current = navigation.getType();
            collection = navigation.isCollection() && !segment.contains("(");
        }
        return new Resolved(current, collection && !entity);
    }

    /**
     * Every property of {@code payload} is one its type declares (the type its {@code @odata.type} names, which must
     * be the declared one or derive from it), recursively into complex values and expanded entities; every enum
     * value is a member of its enum.
     */
    void requireDeclared(EdmStructuredType declared, JsonNode payload, String where) {
        EdmStructuredType type = declared;
        if (payload.has("@odata.type")) {
            type = structuredType(payload.get("@odata.type").asText().substring(1));
            assertThat(type).as("the @odata.type of %s", where).isNotNull();
            assertThat(type.compatibleTo(declared)).as("%s at %s is a %s", type.getName(), where, declared.getName())
                    .isTrue();
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = payload.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = field.getKey();
            JsonNode value = field.getValue();
            if (name.startsWith("@") || value.isNull()) {
                continue;
            }
            EdmNavigationProperty navigation = type.getNavigationProperty(name);
            if (navigation != null) {
                for (JsonNode member : members(value)) {
                    requireDeclared(navigation.getType(), member, where + "/" + name);
                }
                continue;
            }
            EdmProperty property = type.getStructuralProperty(name);
            if (property == null && type instanceof EdmComplexType complex && complex.isOpenType()) {
                continue;
            }
            assertThat(property).as("%s declares the property %s seen at %s", type.getName(), name, where)
                    .isNotNull();
            if (property.getType() instanceof EdmStructuredType structured) {
                for (JsonNode member : members(value)) {
                    requireDeclared(structured, member, where + "/" + name);
                }
            } else if (property.getType() instanceof EdmEnumType enumType) {
                for (JsonNode member : members(value)) {
                    for (String flag : member.asText().split(",")) {
                        assertThat(enumType.getMember(flag.trim())).as("%s is a member of %s, at %s", flag,
                                enumType.getName(), where + "/" + name).isNotNull();
                    }
                }
            }
        }
    }

    private EdmStructuredType structuredType(String qualifiedName) {
        FullQualifiedName name = new FullQualifiedName(qualifiedName);
        EdmEntityType entity = edm.getEntityType(name);
        return entity != null ? entity : edm.getComplexType(name);
    }

    private static List<JsonNode> members(JsonNode value) {
        List<JsonNode> members = new ArrayList<>();
        if (value.isArray()) {
            value.forEach(members::add);
        } else {
            members.add(value);
        }
        return members;
    }

    private static String withoutKey(String segment) {
        int key = segment.indexOf('(');
        return key < 0 ? segment : segment.substring(0, key);
    }
}
