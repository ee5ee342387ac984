package org.xenctl.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DomainNamesTest {

    @Test
    void names_xl_users_give_are_usable() {
        for (String name : new String[] {"web", "web-01", "db_2.example", "Domain-0", "42", "café", "数据库"}) {
            assertThat(DomainNames.whyUnusable(name)).as(name).isEmpty();
        }
    }

    @Test
    void each_unusable_name_says_why() {
        assertThat(DomainNames.whyUnusable("")).contains("a domain name cannot be empty");
        assertThat(DomainNames.whyUnusable("a/b")).contains("a domain name cannot contain '/'");
        assertThat(DomainNames.whyUnusable("a b")).contains("a domain name cannot contain blanks");
        assertThat(DomainNames.whyUnusable("a\u00a0b")).contains("a domain name cannot contain blanks");
        assertThat(DomainNames.whyUnusable("a\nb")).contains("a domain name cannot contain blanks");
        assertThat(DomainNames.whyUnusable("a\u001bb")).contains("a domain name cannot contain control characters");
        assertThat(DomainNames.whyUnusable("a\u009bb")).contains("a domain name cannot contain control characters");
        assertThat(DomainNames.whyUnusable("a\u007fb")).contains("a domain name cannot contain control characters");
    }
}
