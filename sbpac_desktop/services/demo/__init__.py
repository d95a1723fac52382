"""The demo data set and the generated 100k data set for scale tests."""
