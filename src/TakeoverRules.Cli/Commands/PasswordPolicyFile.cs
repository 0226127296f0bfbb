using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using TakeoverRules.Passwords;

namespace TakeoverRules.Cli.Commands;

/// <summary>
/// A broker policy in JSON for <c>takeover password --policy FILE</c>, e.g.
/// <c>{"name":"broker","minimumLength":10,"requiredClasses":["lowercase","digit"],"asciiOnly":true}</c>.
/// Absent properties keep the <see cref="PasswordPolicy"/> defaults; unknown properties are an error.
/// </summary>
internal sealed class PasswordPolicyFile
{
    public string? Name { get; set; }

    public int? MinimumLength { get; set; }

    public int? MaximumLength { get; set; }

    public IReadOnlyList<string>? RequiredClasses { get; set; }

    public int? MinimumClassCount { get; set; }

    public bool? AsciiOnly { get; set; }

    public bool? CheckBlocklist { get; set; }

    public bool? CheckContextWords { get; set; }

    public int? MinimumScore { get; set; }

    /// <summary>A policy is a few lines; a larger file (or a device such as <c>/dev/zero</c>) is refused.</summary>
    private const int MaxBytes = 1024 * 1024;

    /// <summary>Reads and validates a policy file; every problem is reported in one <see cref="FormatException"/> naming the file.</summary>
    public static PasswordPolicy Load(string path)
    {
        PasswordPolicyFile? file;
        try
        {
            file = JsonSerializer.Deserialize(InputFiles.ReadAllText(path, "policy file", MaxBytes), PasswordCliJsonContext.Default.PasswordPolicyFile);
        }
        catch (JsonException ex)
        {
            throw new FormatException($"{path}: {ex.Message}", ex);
        }

        if (file is null) throw new FormatException($"{path}: expected a JSON object, found null");

        var errors = new List<string>();
        var classes = CharacterClasses.None;
        foreach (var name in file.RequiredClasses ?? [])
        {
            if (Enum.TryParse<CharacterClasses>(name, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(name, out _)) classes |= parsed;
            else errors.Add($"requiredClasses: unknown class '{name}' (use lowercase, uppercase, digit, symbol)");
        }

        if (file.MinimumScore is < 0 or > 4) errors.Add($"minimumScore: must be 0 to 4 (was {file.MinimumScore.Value.ToString(CultureInfo.InvariantCulture)})");

        var defaults = new PasswordPolicy();
        var policy = new PasswordPolicy
        {
            Name = file.Name ?? Path.GetFileNameWithoutExtension(path),
            MinimumLength = file.MinimumLength ?? defaults.MinimumLength,
            MaximumLength = file.MaximumLength ?? defaults.MaximumLength,
            RequiredClasses = classes,
            MinimumClassCount = file.MinimumClassCount ?? 0,
            AsciiOnly = file.AsciiOnly ?? false,
            CheckBlocklist = file.CheckBlocklist ?? true,
            CheckContextWords = file.CheckContextWords ?? true,
            MinimumScore = file.MinimumScore is { } score and >= 0 and <= 4 ? (PasswordScore)score : null,
        };
        errors.AddRange(policy.Validate().Select(e => char.ToLowerInvariant(e[0]) + e[1..]));
        if (errors.Count > 0) throw new FormatException($"{path}: {string.Join("; ", errors)}");
        return policy;
    }
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true)]
[JsonSerializable(typeof(PasswordPolicyFile))]
internal sealed partial class PasswordCliJsonContext : JsonSerializerContext;
