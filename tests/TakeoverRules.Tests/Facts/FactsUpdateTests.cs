using TakeoverRules.Facts;

namespace TakeoverRules.Tests.Facts;

public sealed class FactsUpdateTests
{
    private static readonly FactsRegistry Embedded = FactsRegistry.Embedded;

    /// <summary>A valid update adding a rakuten policy for incidents from 2026-12-01 and replacing one contact.</summary>
    internal const string NewPolicyUpdate = """
        {
          "schema": 1,
          "version": "2027.01.01",
          "date": "2027-01-01",
          "sources": [
            { "id": "example-broker-page", "title": "Example notice", "publisher": "楽天証券", "url": "https://www.rakuten-sec.co.jp/web/info/example.html", "published": "2026-12-20", "grade": "primary" }
          ],
          "policies": [
            {
              "id": "rakuten.2026-12-20", "brokers": ["rakuten"], "title": { "ja": "例", "en": "Example" }, "kind": "cashShareOfLoss",
              "asOf": "2026-12-20", "basis": "published", "incidentsFrom": "2026-12-01", "cashShare": 0.8, "feesRefunded": true,
              "mayBeReducedOrRefused": false, "lossBasis": "boughtStockLoss", "rules": [ { "ja": "80%", "en": "80%" } ],
              "sources": ["example-broker-page"], "grade": "primary"
            }
          ],
          "contacts": [
            { "id": "finmac", "kind": "financialAdr", "organisation": { "ja": "FINMAC", "en": "FINMAC" }, "phone": "0120-64-5005",
              "hours": { "ja": "平日 9:00〜17:00", "en": "Weekdays 9:00–17:00" }, "purpose": { "ja": "あっせん", "en": "Mediation" },
              "sources": ["finmac-what"], "asOf": "2026-12-20", "basis": "published", "grade": "primary" }
          ]
        }
        """;

    [Fact]
    public void A_valid_update_adds_new_entries_and_replaces_entries_with_the_same_id()
    {
        var result = Embedded.ApplyUpdate(NewPolicyUpdate, FactsUpdateTrust.UnsignedAllowed);

        result.Errors.Should().BeEmpty(string.Join("; ", result.Errors));
        result.Applied.Should().BeTrue();
        var updated = result.Registry;
        updated.Version.Should().Be("2027.01.01");
        updated.Date.Should().Be(new DateOnly(2027, 1, 1));
        updated.PoliciesFor("rakuten")[0].Id.Should().Be("rakuten.2026-12-20");
        updated.Contacts.Single(c => c.Id == "finmac").Hours!.Value.En.Should().Be("Weekdays 9:00–17:00");
        updated.Contacts.Should().HaveCount(Embedded.Contacts.Count);
        updated.Facts.Count.Should().Be(Embedded.Facts.Count, "no fact was added, only a policy and a contact changed");

        Embedded.Contacts.Single(c => c.Id == "finmac").Hours.Should().BeNull("the embedded registry is immutable");
    }

    [Fact]
    public void Malformed_json_is_one_error_with_path_and_line_and_the_embedded_facts_stay_in_force()
    {
        var result = Embedded.ApplyUpdate("{ \"schema\": 1, \"version\": \"x\", \"date\": \"2027-01-01\", \"facts\": [ { \"id\": ", FactsUpdateTrust.UnsignedAllowed);

        result.Applied.Should().BeFalse();
        result.Registry.Should().BeSameAs(Embedded);
        result.Errors.Should().ContainSingle().Which.Reason.Should().Contain("line 1");
    }

    [Fact]
    public void A_misspelt_field_is_rejected_rather_than_ignored()
    {
        var result = Embedded.ApplyUpdate("""{ "schema": 1, "version": "x", "date": "2027-01-01", "polices": [] }""", FactsUpdateTrust.UnsignedAllowed);

        result.Errors.Should().ContainSingle().Which.Path.Should().Be("$.polices");
    }

    [Fact]
    public void A_partial_file_lists_every_problem_with_its_path_field_and_reason()
    {
        const string json = """
            {
              "schema": 2,
              "date": "2027-13-01",
              "facts": [
                { "id": "new.fact", "topic": "laws", "key": "new.fact", "statement": { "ja": "x" }, "asOf": "soon", "basis": "published", "sources": ["no-such-source"], "grade": "primary" },
                { "id": "BAD ID", "topic": "gossip", "key": "k", "statement": { "ja": "x", "en": "x" }, "asOf": "2026-01-01", "basis": "published", "sources": [], "grade": "press" }
              ],
              "policies": [
                { "id": "p", "brokers": ["nobody"], "title": { "ja": "t", "en": "t" }, "kind": "cashShareOfLoss", "asOf": "2026-01-01", "basis": "published",
                  "cashShare": 1.5, "mayBeReducedOrRefused": false, "lossBasis": "boughtStockLoss", "rules": [], "sources": ["finmac-what"], "grade": "primary" }
              ],
              "contacts": [
                { "id": "c", "kind": "policeConsultation", "organisation": { "ja": "o", "en": "o" }, "phone": "call me", "purpose": { "ja": "p", "en": "p" },
                  "sources": ["aichi-police-phishing"], "asOf": "2026-01-01", "basis": "published", "grade": "primary" }
              ]
            }
            """;

        var result = Embedded.ApplyUpdate(json, FactsUpdateTrust.UnsignedAllowed);

        result.Registry.Should().BeSameAs(Embedded);
        result.Errors.Select(e => (e.Path, e.Field)).Should().Contain([
            ("$.schema", "schema"),
            ("$.version", "version"),
            ("$.date", "date"),
            ("$.facts[0].statement.en", "en"),
            ("$.facts[0].asOf", "asOf"),
            ("$.facts[0].sources[0]", "sources"),
            ("$.facts[1].id", "id"),
            ("$.facts[1].topic", "topic"),
            ("$.facts[1].sources", "sources"),
            ("$.policies[0].brokers[0]", "brokers"),
            ("$.policies[0].cashShare", "cashShare"),
            ("$.policies[0].rules", "rules"),
            ("$.contacts[0].phone", "phone"),
        ]);
        result.Errors.Single(e => e.Path == "$.policies[0].cashShare").Reason.Should().Be("must be in (0, 1] (was 1.5)");
        result.Errors.Single(e => e.Path == "$.facts[0].sources[0]").Reason.Should().Be("unknown source id 'no-such-source'");
        result.Errors.Single(e => e.Path == "$.contacts[0].phone").Reason.Should().Contain("(was 'call me')");
    }

    [Fact]
    public void An_update_older_than_the_facts_in_force_is_rejected()
    {
        var result = Embedded.ApplyUpdate("""{ "schema": 1, "version": "old", "date": "2025-01-01" }""", FactsUpdateTrust.UnsignedAllowed);

        result.Errors.Should().ContainSingle(e => e.Path == "$.date").Which.Reason.Should().StartWith("is older than the facts in force");
    }

    [Fact]
    public void A_fact_may_not_claim_a_stronger_grade_than_its_sources()
    {
        const string json = """
            { "schema": 1, "version": "v", "date": "2027-01-01", "facts": [
              { "id": "upgrade", "topic": "statistics", "key": "k", "statement": { "ja": "x", "en": "x" }, "asOf": "2026-01-01", "basis": "published",
                "sources": ["fujipost-38712"], "grade": "primary" } ] }
            """;

        Embedded.ApplyUpdate(json, FactsUpdateTrust.UnsignedAllowed).Errors.Should().Equal(new FactsLoadError("$.facts[0].grade", "grade", "'primary' is stronger than every source (best is 'lowAuthority')"));
    }

    [Fact]
    public void A_file_larger_than_the_limit_is_rejected_without_parsing()
    {
        var huge = new string(' ', FactsRegistry.MaxUpdateSize + 1);

        Embedded.ApplyUpdate(huge, FactsUpdateTrust.UnsignedAllowed).Errors.Should().ContainSingle().Which.Reason.Should().StartWith("file too large");
    }

    [Fact]
    public void A_section_with_more_entries_than_the_limit_is_rejected_as_a_whole()
    {
        var facts = string.Join(",", Enumerable.Range(0, 5_001).Select(i =>
            $$"""{ "id": "f{{i}}", "topic": "statistics", "key": "same", "statement": { "ja": "x", "en": "x" }, "quantity": { "value": {{i}}, "unit": "count", "qualifier": "asReported" }, "asOf": "2026-01-01", "basis": "published", "sources": ["fsa-chuui-phishing"], "grade": "primary" }"""));

        var result = Embedded.ApplyUpdate($$"""{ "schema": 1, "version": "v", "date": "2027-01-01", "facts": [{{facts}}] }""", FactsUpdateTrust.UnsignedAllowed);

        result.Errors.Should().ContainSingle().Which.Should().Be(new FactsLoadError("$.facts", "facts", "too many entries (5001; limit 5000)"));
    }

    [Fact]
    public void Many_same_day_figures_for_one_question_are_all_kept_and_reported_as_a_conflict()
    {
        var facts = string.Join(",", Enumerable.Range(0, 3).Select(i =>
            $$"""{ "id": "f{{i}}", "topic": "statistics", "key": "same", "statement": { "ja": "x", "en": "x" }, "quantity": { "value": {{i}}, "unit": "count", "qualifier": "asReported" }, "asOf": "2026-01-01", "basis": "published", "sources": ["fsa-chuui-phishing"], "grade": "primary" }"""));

        var registry = Embedded.ApplyUpdate($$"""{ "schema": 1, "version": "v", "date": "2027-01-01", "facts": [{{facts}}] }""", FactsUpdateTrust.UnsignedAllowed).Registry;

        registry.Conflicts().Single(c => c.Key == "same").Facts.Should().HaveCount(3);
    }

    [Fact]
    public void A_missing_update_file_is_an_error_not_an_exception()
    {
        var result = Embedded.ApplyUpdateFile(Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".json"), FactsUpdateTrust.UnsignedAllowed);

        result.Errors.Should().ContainSingle().Which.Reason.Should().StartWith("file not found");
        result.Registry.Should().BeSameAs(Embedded);
    }

    [Fact]
    public void Null_json_is_an_error() =>
        Embedded.ApplyUpdate("null", FactsUpdateTrust.UnsignedAllowed).Errors.Should().ContainSingle().Which.Reason.Should().Be("must be a JSON object, not null");
}
