"""Item labels (challenge / good_practice / wish / other) and theme tags."""
