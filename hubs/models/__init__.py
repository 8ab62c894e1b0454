"""Hubs and the Creative Academy; imported here so Django finds the models."""

from hubs.models.academy import (
    AcademyPage,
    CourseFormField,
    CoursePage,
    CourseRegistration,
    CourseSession,
)
from hubs.models.places import Equipment, HubGalleryImage, HubIndexPage, HubKind, HubPage, OpeningHours

__all__ = [
    "AcademyPage",
    "CourseFormField",
    "CoursePage",
    "CourseRegistration",
    "CourseSession",
    "Equipment",
    "HubGalleryImage",
    "HubIndexPage",
    "HubKind",
    "HubPage",
    "OpeningHours",
]
