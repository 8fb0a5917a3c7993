namespace HealthCode.Translator.Canonical;

public sealed record VaccinationInfo(int Doses);
