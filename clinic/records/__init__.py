"""What the clinic keeps and how staff read it: call-backs, the handover in words; the
bookings, staff and conversations stores are to move here as they are touched."""
