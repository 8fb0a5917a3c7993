namespace HealthCode.Translator.Canonical;

public sealed record TravelInfo(bool? RiskAreaVisit);
