package com.m365backup.restore.query.metadata;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Everything the service's {@code $metadata} declares, in Graph's namespace: enums, complex and entity types,
 * bound actions, and the singletons of its one entity container. Built from {@link ServiceModelPart}s; building
 * refuses a model that names a type it does not declare, so a part's slip fails at start-up, not in a client.
 */
public record ServiceModel(List<EnumType> enumTypes, List<ComplexType> complexTypes, List<EntityType> entityTypes,
                           List<BoundAction> actions, Map<String, String> singletons) {

    /** Graph's container name, under which its singletons (here {@code solutions}) are declared. */
    public static final String CONTAINER = "GraphService";

    private static final Pattern COLLECTION = Pattern.compile("Collection\\((.+)\\)");

    public ServiceModel {
        enumTypes = List.copyOf(enumTypes);
        complexTypes = List.copyOf(complexTypes);
        entityTypes = List.copyOf(entityTypes);
        actions = List.copyOf(actions);
        singletons = Collections.unmodifiableMap(new LinkedHashMap<>(singletons));
    }

    public static ServiceModel of(Collection<? extends ServiceModelPart> parts) {
        Builder builder = new Builder();
        parts.forEach(part -> part.contributeTo(builder));
        return builder.build();
    }

    /** Collects the parts' contributions; types keep the order they were added in. */
    public static final class Builder {

        private final Map<String, EnumType> enumTypes = new LinkedHashMap<>();
        private final Map<String, ComplexType> complexTypes = new LinkedHashMap<>();
        private final Map<String, EntityType> entityTypes = new LinkedHashMap<>();
        private final List<BoundAction> actions = new ArrayList<>();
        private final Map<String, String> singletons = new LinkedHashMap<>();

        public Builder enumType(EnumType type) {
            add(enumTypes, type.name(), type);
            return this;
        }

        public Builder complexType(ComplexType type) {
            add(complexTypes, type.name(), type);
            return this;
        }

        public Builder entityType(EntityType type) {
            add(entityTypes, type.name(), type);
            return this;
        }

        /** Adds navigations to an entity type another part declared, e.g. a new collection under a session. */
        public Builder navigationsOf(String entityType, NavigationProperty... navigations) {
            EntityType declared = entityTypes.get(entityType);
            if (declared == null) {
                throw new IllegalStateException("No entity type " + entityType + " to add navigations to");
            }
            entityTypes.put(entityType, declared.with(navigations));
            return this;
        }

        public Builder action(BoundAction action) {
            actions.add(action);
            return this;
        }

        /** Adds parameters to an action another part declared, e.g. a granular search's query. */
        public Builder parametersOf(String action, StructuralProperty... parameters) {
            for (int i = 0; i < actions.size(); i++) {
                BoundAction declared = actions.get(i);
                if (declared.name().equals(action)) {
                    List<StructuralProperty> all = new ArrayList<>(declared.parameters());
                    all.addAll(List.of(parameters));
                    actions.set(i, new BoundAction(declared.name(), declared.boundTo(), all, declared.returnType()));
                    return this;
                }
            }
            throw new IllegalStateException("No action " + action + " to add parameters to");
        }

        public Builder singleton(String name, String type) {
            add(singletons, name, type);
            return this;
        }

        public ServiceModel build() {
            ServiceModel model = new ServiceModel(List.copyOf(enumTypes.values()), List.copyOf(complexTypes.values()),
                    List.copyOf(entityTypes.values()), actions, singletons);
            model.requireDeclared();
            return model;
        }

        /** Types share one namespace whatever their kind; singletons have the container's own. */
        private <T> void add(Map<String, T> declared, String name, T element) {
            boolean typeTaken = declared != singletons && (enumTypes.containsKey(name)
                    || complexTypes.containsKey(name) || entityTypes.containsKey(name));
            if (typeTaken || declared.putIfAbsent(name, element) != null) {
                throw new IllegalStateException(name + " is declared twice in the service model");
            }
        }
    }

    private void requireDeclared() {
        List<String> structured = new ArrayList<>();
        entityTypes.forEach(type -> structured.add(TypeNames.graph(type.name())));
        complexTypes.forEach(type -> structured.add(TypeNames.graph(type.name())));
        List<String> entities = entityTypes.stream().map(type -> TypeNames.graph(type.name())).toList();
        List<String> values = new ArrayList<>(structured);
        enumTypes.forEach(type -> values.add(TypeNames.graph(type.name())));
        for (EntityType type : entityTypes) {
            if (type.baseType() != null) {
                require(entities, type.baseType(), type.name());
            }
            type.properties().forEach(property -> require(values, property.type(), type.name()));
            type.navigations().forEach(navigation -> require(entities, navigation.type(), type.name()));
        }
        for (ComplexType type : complexTypes) {
            type.properties().forEach(property -> require(values, property.type(), type.name()));
            type.navigations().forEach(navigation -> require(entities, navigation.type(), type.name()));
        }
        for (BoundAction action : actions) {
            require(structured, action.boundTo(), action.name());
            action.parameters().forEach(parameter -> require(values, parameter.type(), action.name()));
            if (action.returnType() != null) {
                require(structured, action.returnType(), action.name());
            }
        }
        singletons.values().forEach(type -> require(entities, type, "the container"));
    }

    private static void require(List<String> declared, String type, String where) {
        Matcher collection = COLLECTION.matcher(type);
        String element = collection.matches() ? collection.group(1) : type;
        if (!element.startsWith("Edm.") && !declared.contains(element)) {
            throw new IllegalStateException(where + " names " + type + ", which the service model does not declare");
        }
    }
}
