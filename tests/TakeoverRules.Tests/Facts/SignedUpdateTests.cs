using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TakeoverRules.Facts;

namespace TakeoverRules.Tests.Facts;

public sealed class SignedUpdateTests : IDisposable
{
    // A planted FSA counselling number and page: the worst fact an unsigned update could carry.
    private const string PlantedFsaPhone = """
        { "schema": 1, "version": "2027.01.01", "date": "2027-01-01",
          "sources": [ { "id": "planted", "title": "t", "publisher": "p", "url": "https://fsa-help.example/", "published": "2026-12-20", "grade": "primary" } ],
          "contacts": [
            { "id": "fsa-counselling", "kind": "regulator", "organisation": { "ja": "金融庁 金融サービス利用者相談室", "en": "FSA Counseling Office for Financial Services Users" },
              "phone": "050-0000-0000", "url": "https://fsa-help.example/", "purpose": { "ja": "相談", "en": "Consultation" },
              "sources": ["planted"], "asOf": "2026-12-20", "basis": "published", "grade": "primary" }
          ] }
        """;

    private const string HarmlessUpdate = """{ "schema": 1, "version": "2027.01.01", "date": "2027-01-01" }""";

    private readonly ECDsa _publisher = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly ECDsa _stranger = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly string _dir = Directory.CreateTempSubdirectory("facts-sig-").FullName;

    private FactsUpdateTrust Trust(bool allowUnsigned = false) => FactsUpdateTrust.Create([_publisher.ExportSubjectPublicKeyInfoPem()], allowUnsigned);

    private static byte[] Sign(ECDsa key, byte[] data) => key.SignData(data, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);

    [Fact]
    public void An_update_signed_by_a_trusted_publisher_is_applied_and_names_the_key()
    {
        var bytes = Encoding.UTF8.GetBytes(HarmlessUpdate);

        var result = FactsRegistry.Embedded.ApplyUpdate(bytes, Sign(_publisher, bytes), Trust());

        result.Errors.Should().BeEmpty();
        result.Registry.Version.Should().Be("2027.01.01");
        result.SignedBy.Should().Be(Trust().KeyIds.Single());
    }

    [Fact]
    public void A_base64_signature_file_next_to_the_update_is_found_and_verified()
    {
        var path = Path.Combine(_dir, "facts-update.json");
        File.WriteAllText(path, HarmlessUpdate);
        File.WriteAllText(path + ".sig", Convert.ToBase64String(Sign(_publisher, File.ReadAllBytes(path))) + "\n");

        FactsRegistry.Embedded.ApplyUpdateFile(path, Trust()).Applied.Should().BeTrue();
    }

    [Fact]
    public void One_changed_byte_after_signing_is_refused()
    {
        var bytes = Encoding.UTF8.GetBytes(HarmlessUpdate);
        var signature = Sign(_publisher, bytes);
        var tampered = (byte[])bytes.Clone();
        tampered[^3] ^= 0x01;

        var result = FactsRegistry.Embedded.ApplyUpdate(tampered, signature, Trust());

        result.Applied.Should().BeFalse();
        result.Registry.Should().BeSameAs(FactsRegistry.Embedded);
        result.Errors.Should().ContainSingle().Which.Kind.Should().Be(FactsLoadErrorKind.SignatureInvalid);
    }

    [Fact]
    public void An_update_signed_with_another_key_is_refused_even_when_unsigned_updates_are_allowed()
    {
        var bytes = Encoding.UTF8.GetBytes(HarmlessUpdate);

        var result = FactsRegistry.Embedded.ApplyUpdate(bytes, Sign(_stranger, bytes), Trust(allowUnsigned: true));

        result.Errors.Should().ContainSingle().Which.Kind.Should().Be(FactsLoadErrorKind.SignatureInvalid);
    }

    [Fact]
    public void An_unsigned_update_is_refused_unless_the_host_opts_in()
    {
        var bytes = Encoding.UTF8.GetBytes(HarmlessUpdate);

        FactsRegistry.Embedded.ApplyUpdate(bytes, [], Trust()).Errors.Should().ContainSingle().Which.Kind.Should().Be(FactsLoadErrorKind.NotSigned);
        FactsRegistry.Embedded.ApplyUpdate(HarmlessUpdate, Trust()).Errors.Should().ContainSingle().Which.Kind.Should().Be(FactsLoadErrorKind.NotSigned);
        FactsRegistry.Embedded.ApplyUpdate(bytes, [], Trust(allowUnsigned: true)).Applied.Should().BeTrue();
        FactsRegistry.Embedded.ApplyUpdate(HarmlessUpdate, FactsUpdateTrust.UnsignedAllowed).Applied.Should().BeTrue();
    }

    [Fact]
    public void A_private_key_or_a_non_key_as_publisher_key_fails_start_up_naming_the_option()
    {
        var act = () => new ServiceCollection().AddTakeoverRules(o =>
        {
            o.Facts.PublisherKeys.Add(_publisher.ExportSubjectPublicKeyInfoPem());
            o.Facts.PublisherKeys.Add(_publisher.ExportPkcs8PrivateKeyPem());
            o.Facts.PublisherKeys.Add("not a key");
        });

        var errors = act.Should().Throw<TakeoverRulesOptionsException>().Which.Errors;
        errors.Should().HaveCount(2);
        errors[0].Should().StartWith("Facts.PublisherKeys[1]: is a private key");
        errors[1].Should().StartWith("Facts.PublisherKeys[2]: is not an ECDSA P-256 public key");
        string.Join("\n", errors).Should().NotContain("PRIVATE KEY-----\nMI", "a private key never appears in an error");
    }

    [Fact]
    public void An_unsigned_update_file_fails_start_up_and_is_applied_with_AllowUnsignedUpdates()
    {
        var path = Path.Combine(_dir, "facts-update.json");
        File.WriteAllText(path, HarmlessUpdate);

        var act = () => new ServiceCollection().AddTakeoverRules(o => o.Facts.UpdateFilePath = path);
        act.Should().Throw<TakeoverRulesOptionsException>().Which.Errors.Should().ContainSingle()
            .Which.Should().Contain("unsigned update refused").And.Contain("Facts.AllowUnsignedUpdates");

        using var provider = new ServiceCollection().AddTakeoverRules(o =>
        {
            o.Facts.UpdateFilePath = path;
            o.Facts.AllowUnsignedUpdates = true;
        }).BuildServiceProvider();
        provider.GetRequiredService<FactsRegistry>().Version.Should().Be("2027.01.01");
    }

    [Fact]
    public void A_planted_fsa_phone_number_is_listed_with_old_and_new_value_and_logged_as_a_warning()
    {
        var path = Path.Combine(_dir, "facts-update.json");
        File.WriteAllText(path, PlantedFsaPhone);
        File.WriteAllBytes(path + ".sig", Sign(_publisher, File.ReadAllBytes(path)));

        using var provider = new ServiceCollection()
            .AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddFakeLogging())
            .AddTakeoverRules(o =>
            {
                o.Facts.UpdateFilePath = path;
                o.Facts.PublisherKeys.Add(_publisher.ExportSubjectPublicKeyInfoPem());
            }).BuildServiceProvider();

        var load = provider.GetRequiredService<FactsLoadResult>();
        load.Applied.Should().BeTrue();
        load.ContactChanges.Should().ContainEquivalentOf(new FactsContactChange("fsa-counselling", "contacts[fsa-counselling].phone", "0570-016811", "050-0000-0000"));
        load.ContactChanges.Should().Contain(c => c.Path == "contacts[fsa-counselling].url" && c.Old == null && c.New == "https://fsa-help.example/");
        load.ContactChanges.Should().Contain(c => c.Path == "contacts[fsa-counselling].otherNumbers" && c.New == null);
        load.ContactChanges.Should().OnlyContain(c => c.ContactId == "fsa-counselling");

        var warnings = provider.GetFakeLogCollector().GetSnapshot().Where(r => r.Id.Name == "FactsContactChanged").ToList();
        warnings.Should().HaveCount(load.ContactChanges.Count).And.OnlyContain(r => r.Level == LogLevel.Warning);
        warnings.Should().Contain(r => r.Message.Contains("0570-016811 -> 050-0000-0000", StringComparison.Ordinal));
    }

    [Fact]
    public void An_update_that_leaves_contacts_alone_lists_no_contact_change()
    {
        FactsRegistry.Embedded.ApplyUpdate(HarmlessUpdate, FactsUpdateTrust.UnsignedAllowed).ContactChanges.Should().BeEmpty();
    }

    public void Dispose()
    {
        _publisher.Dispose();
        _stranger.Dispose();
        Directory.Delete(_dir, recursive: true);
    }
}
