package dev.galley.chef.internal;

import dev.galley.chef.DataBagItem;
import dev.galley.chef.DataBags;
import java.util.List;
import java.util.Map;
import java.util.Optional;

final class DefaultDataBags extends Endpoint implements DataBags {
    DefaultDataBags(ChefHttp http) {
        super(http);
    }

    @Override
    public List<String> list() {
        return names(http.get("/data"));
    }

    @Override
    public void create(String bag) {
        Paths.of("data", bag); // validates the name
        http.post("/data", Map.of("name", bag));
    }

    @Override
    public void delete(String bag) {
        http.execute(http.call("DELETE", ChefHttp.Scope.ORGANIZATION, Paths.of("data", bag), null));
    }

    @Override
    public List<String> items(String bag) {
        return names(http.get(Paths.of("data", bag)));
    }

    @Override
    public DataBagItem item(String bag, String id) {
        return unwrap(http.get(Paths.of("data", bag, id), new com.fasterxml.jackson.core.type.TypeReference<java.util.LinkedHashMap<String, Object>>() { }));
    }

    @Override
    public Optional<DataBagItem> findItem(String bag, String id) {
        return optional(() -> item(bag, id));
    }

    @Override
    public DataBagItem createItem(String bag, DataBagItem item) {
        http.post(Paths.of("data", bag), item);
        return item;
    }

    @Override
    public DataBagItem updateItem(String bag, DataBagItem item) {
        http.put(Paths.of("data", bag, item.id()), item);
        return item;
    }

    @Override
    public void deleteItem(String bag, String id) {
        http.execute(http.call("DELETE", ChefHttp.Scope.ORGANIZATION, Paths.of("data", bag, id), null));
    }

    /** Some servers answer with the item wrapped as Chef::DataBagItem ({"raw_data": {...}}); return the item. */
    @SuppressWarnings("unchecked")
    private static DataBagItem unwrap(Map<String, Object> doc) {
        if (doc.get("raw_data") instanceof Map<?, ?> raw && "data_bag_item".equals(doc.get("chef_type"))) {
            return new DataBagItem((Map<String, Object>) raw);
        }
        return new DataBagItem(doc);
    }
}
