namespace HealthCode.Translator.Profiles;

/// <summary>A wrapped payload ({"ret": 0, "data": {…}}): field paths are relative to Data; OkWhen must hold or the payload is refused.</summary>
public sealed record EnvelopeRule(string Data, PresenceCondition? OkWhen = null);
