using TakeoverRules.Facts;

namespace TakeoverRules.Tests.Facts;

/// <summary>Pins every contact detail to the research notes (docs/facts.md lists the source of each).</summary>
public sealed class ContactsTests
{
    private static readonly IReadOnlyList<ContactPoint> Contacts = FactsRegistry.Embedded.Contacts;

    private static ContactPoint Contact(string id) => Contacts.Single(c => c.Id == id);

    [Fact]
    public void Police_consultation_is_9110_on_weekdays_from_9_to_17_with_110_for_emergencies()
    {
        Contact("police-consultation").Phone.Should().Be("#9110");
        Contact("police-consultation").Hours!.Value.En.Should().Be("Weekdays 9:00–17:00");
        Contact("police-emergency").Phone.Should().Be("110");
        Contact("police-consultation").Source.Url!.ToString().Should().Be("https://www.pref.aichi.jp/police/anzen/cyber/soudan/phishing.html");
    }

    [Fact]
    public void Consumer_hotline_is_188_as_published_in_July_2018()
    {
        var hotline = Contact("consumer-hotline-188");
        hotline.Phone.Should().Be("188");
        hotline.AsOf.ToString().Should().Be("2018-07");
        hotline.Url!.ToString().Should().Be("https://www.gov-online.go.jp/useful/article/201807/1.html");
    }

    [Fact]
    public void Fsa_desk_and_finmac_numbers_match_the_notes_and_finmac_has_no_unconfirmed_hours()
    {
        var fsa = Contact("fsa-counselling");
        fsa.Phone.Should().Be("0570-016811");
        fsa.OtherNumbers.Select(n => n.Number).Should().Equal("03-5251-6811", "03-3506-6699");
        fsa.AsOf.ToString().Should().Be("2020-09-17");

        var finmac = Contact("finmac");
        finmac.Phone.Should().Be("0120-64-5005");
        finmac.OtherNumbers.Select(n => n.Number).Should().Equal("03-3669-9833");
        finmac.Hours.Should().BeNull("FINMAC's hours come only from a low-authority mirror");
        Contact("kokusen-fallback").Phone.Should().Be("03-3446-1623");
    }

    [Fact]
    public void Cyber_crime_desks_point_to_the_npa_pages()
    {
        Contact("prefectural-cyber-crime-desks").Url!.ToString().Should().Be("https://www.npa.go.jp/cyber/soudan.htm");
        Contact("npa-online-reporting").Url!.ToString().Should().Be("https://www.npa.go.jp/bureau/cyber/soudan.html");
    }

    [Fact]
    public void Unconfirmed_numbers_are_absent()
    {
        var numbers = Contacts.SelectMany(c => c.OtherNumbers.Select(n => n.Number).Append(c.Phone)).ToList();
        numbers.Should().NotContain(["0120-852-638", "0120-104-214", "0120-344-999"], "the Rakuten and SBI numbers are unverified and the JSDA line's purpose is unverified");
    }

    [Fact]
    public void Every_contact_has_a_phone_or_url_a_source_and_a_date()
    {
        Contacts.Should().HaveCountGreaterThanOrEqualTo(9);
        foreach (var c in Contacts)
        {
            (c.Phone is not null || c.Url is not null).Should().BeTrue("contact {0} must be reachable", c.Id);
            c.Sources.Should().StartWith(c.Source);
            c.Grade.Should().NotBe(EvidenceGrade.Unverified);
        }
    }
}
