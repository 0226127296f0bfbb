using TakeoverRules.Links;

namespace TakeoverRules.Tests.Links;

public sealed class PublicSuffixListTests
{
    [Theory]
    [InlineData("www.example.co.jp", "example.co.jp")]
    [InlineData("example.com", "example.com")]
    [InlineData("a.b.example.com", "example.com")]
    [InlineData("foo.bar.kawasaki.jp", "foo.bar.kawasaki.jp")]
    [InlineData("www.city.kawasaki.jp", "city.kawasaki.jp")]
    [InlineData("sc.mufg.jp", "mufg.jp")]
    [InlineData("x.blogspot.com", "x.blogspot.com")]
    [InlineData("example.unknowntld", "example.unknowntld")]
    [InlineData("xn--eckwd4c7c.xn--zckzah", "xn--eckwd4c7c.xn--zckzah")]
    public void The_registrable_domain_follows_the_list_including_wildcards_exceptions_and_the_default_rule(string host, string registrable)
    {
        var start = PublicSuffixList.Embedded.RegistrableStart(host);
        host[start..].Should().Be(registrable);
    }

    [Theory]
    [InlineData("co.jp")]
    [InlineData("jp")]
    [InlineData("github.io")]
    [InlineData("bar.kawasaki.jp")]
    [InlineData("localhost")]
    public void A_public_suffix_has_no_registrable_domain(string host) =>
        PublicSuffixList.Embedded.RegistrableStart(host).Should().Be(-1);

    [Fact]
    public void The_embedded_tables_carry_their_origin_and_regeneration_command()
    {
        foreach (var name in new[] { "TakeoverRules.Links.Data.public-suffixes.txt", "TakeoverRules.Links.Data.confusables.txt" })
        {
            using var stream = typeof(LinkChecker).Assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            var head = reader.ReadLine() + reader.ReadLine() + reader.ReadLine() + reader.ReadLine();
            head.Should().Contain("make-link-data.py").And.Contain("sha256");
        }
    }

    [Fact]
    public void Confusable_skeletons_map_cyrillic_and_greek_look_alikes_to_ascii()
    {
        Confusables.Skeleton("rаkutеn", dropUnmapped: false).Should().Be("rakuten");
        Confusables.Skeleton("nοmura", dropUnmapped: false).Should().Be("nomura");
        Confusables.IsMixed(Confusables.ScriptsOf("rаkuten")).Should().BeTrue();
        Confusables.IsMixed(Confusables.ScriptsOf("楽天証券ログイン")).Should().BeFalse();
        Confusables.IsMixed(Confusables.ScriptsOf("sbi証券")).Should().BeFalse();
    }
}
