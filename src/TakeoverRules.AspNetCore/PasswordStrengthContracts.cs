using System.Text.Json;
using System.Text.Json.Serialization;

namespace TakeoverRules.AspNetCore;

/// <summary>The JSON body posted to the password-strength endpoint.</summary>
/// <remarks>Immutable; its <see cref="object.ToString"/> never shows the password.</remarks>
public sealed record PasswordStrengthRequest
{
    /// <summary>The password as typed. Required.</summary>
    [JsonPropertyName("password")]
    public string? Password { get; init; }

    /// <summary>The user's own details typed so far (login ID, e-mail, name), penalised as context words. Optional, at most 10.</summary>
    [JsonPropertyName("userInputs")]
    public IReadOnlyList<string>? UserInputs { get; init; }

    /// <summary>Describes the request without its secret.</summary>
    public override string ToString() => "PasswordStrengthRequest (password hidden)";
}

/// <summary>The endpoint's answer: the estimate, its feedback in the request's language and the policy verdict.</summary>
/// <remarks>Immutable; never contains the password.</remarks>
public sealed record PasswordStrengthResponse
{
    /// <summary>0 (very weak) to 4 (very strong).</summary>
    [JsonPropertyName("score")]
    public required int Score { get; init; }

    /// <summary>The score's name: <c>very_weak</c>, <c>weak</c>, <c>fair</c>, <c>strong</c> or <c>very_strong</c>.</summary>
    [JsonPropertyName("scoreName")]
    public required string ScoreName { get; init; }

    /// <summary>log10 of the estimated guesses.</summary>
    [JsonPropertyName("guessesLog10")]
    public required double GuessesLog10 { get; init; }

    /// <summary>The main warning, or empty.</summary>
    [JsonPropertyName("warning")]
    public required string Warning { get; init; }

    /// <summary>What to change, most useful first.</summary>
    [JsonPropertyName("suggestions")]
    public required IReadOnlyList<string> Suggestions { get; init; }

    /// <summary>Whether the password satisfies the configured policy (the breach check is not run here).</summary>
    [JsonPropertyName("compliant")]
    public required bool Compliant { get; init; }

    /// <summary>Each policy violation: a code (as in the Identity errors, without the <c>TakeoverRules.</c> prefix) and a message.</summary>
    [JsonPropertyName("violations")]
    public required IReadOnlyList<PasswordStrengthViolation> Violations { get; init; }
}

/// <summary>One policy violation in a <see cref="PasswordStrengthResponse"/>.</summary>
/// <param name="Code">The violation code, e.g. <c>TooShort</c>.</param>
/// <param name="Message">What to change, in the request's language.</param>
public sealed record PasswordStrengthViolation(
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("message")] string Message);

/// <summary>The source-generated serializer of the endpoint's contracts (no reflection, trimming-safe).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(PasswordStrengthRequest))]
[JsonSerializable(typeof(PasswordStrengthResponse))]
internal sealed partial class PasswordStrengthJsonContext : JsonSerializerContext;
