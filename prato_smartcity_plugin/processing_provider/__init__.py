"""Every capability as a Processing algorithm, under the provider ``pratosmartcity``."""
