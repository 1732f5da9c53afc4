package io.tierflow.ui.testing;

import io.tierflow.core.TestUsers;
import io.tierflow.core.identity.UserDirectory;
import io.tierflow.form.FormFixtures;

/**
 * The page tests' customer form ({@link FormFixtures#createCustomerForm}): made once per test database, as
 * the tests of one boot share it, with its people; records added through the API.
 */
public final class CustomerForms {

    private CustomerForms() {
    }

    /**
     * The people of {@link FormFixtures#people} and the customer form {@code key}, created by east_mgr unless it
     * exists already.
     *
     * @return whether it was created now, so the caller adds what goes with it (records, other forms) once
     */
    public static boolean ensure(UserDirectory users, String key) {
        FormFixtures.people(users);
        if (PageClient.api("east_mgr").get("/api/forms/" + key).statusCode() != 404) {
            return false;
        }
        FormFixtures.createCustomerForm(TestUsers.login("east_mgr"), key);
        return true;
    }

    /** A new record of {@code form} by {@code user}, from its values as JSON; its id. */
    public static int create(String user, String form, String values) {
        return PageClient.api(user).body("{\"values\":" + values + "}").post("/api/forms/" + form + "/records")
                .then().statusCode(201).extract().path("id");
    }
}
