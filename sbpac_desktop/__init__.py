"""SBPAC Desktop: meetings, minutes and directive follow-up for the ศอ.บต. secretariat."""

__version__ = "0.1.0"
