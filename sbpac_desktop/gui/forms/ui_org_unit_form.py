# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'org_unit_form.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QApplication, QComboBox, QFormLayout, QLabel,
    QLineEdit, QSizePolicy, QWidget)

from sbpac_desktop.gui.widgets.pickers import IdCombo

class Ui_OrgUnitForm(object):
    def setupUi(self, OrgUnitForm):
        if not OrgUnitForm.objectName():
            OrgUnitForm.setObjectName(u"OrgUnitForm")
        OrgUnitForm.resize(640, 236)
        self.form = QFormLayout(OrgUnitForm)
        self.form.setObjectName(u"form")
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setVerticalSpacing(8)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.nameLabel = QLabel(OrgUnitForm)
        self.nameLabel.setObjectName(u"nameLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.name = QLineEdit(OrgUnitForm)
        self.name.setObjectName(u"name")
        self.name.setMaxLength(300)

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.name)

        self.shortNameLabel = QLabel(OrgUnitForm)
        self.shortNameLabel.setObjectName(u"shortNameLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.shortNameLabel)

        self.shortName = QLineEdit(OrgUnitForm)
        self.shortName.setObjectName(u"shortName")
        self.shortName.setMaxLength(60)

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.shortName)

        self.kindLabel = QLabel(OrgUnitForm)
        self.kindLabel.setObjectName(u"kindLabel")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.kindLabel)

        self.kind = QComboBox(OrgUnitForm)
        self.kind.setObjectName(u"kind")

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.kind)

        self.parentLabel = QLabel(OrgUnitForm)
        self.parentLabel.setObjectName(u"parentLabel")

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.parentLabel)

        self.parent = IdCombo(OrgUnitForm)
        self.parent.setObjectName(u"parent")

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.parent)

#if QT_CONFIG(shortcut)
        self.nameLabel.setBuddy(self.name)
        self.shortNameLabel.setBuddy(self.shortName)
        self.kindLabel.setBuddy(self.kind)
        self.parentLabel.setBuddy(self.parent)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.name, self.shortName)
        QWidget.setTabOrder(self.shortName, self.kind)
        QWidget.setTabOrder(self.kind, self.parent)

        self.retranslateUi(OrgUnitForm)

        QMetaObject.connectSlotsByName(OrgUnitForm)
    # setupUi

    def retranslateUi(self, OrgUnitForm):
        self.nameLabel.setText(QCoreApplication.translate("OrgUnitForm", u"\u0e0a\u0e37\u0e48\u0e2d\u0e2b\u0e19\u0e48\u0e27\u0e22\u0e07\u0e32\u0e19", None))
        self.name.setPlaceholderText(QCoreApplication.translate("OrgUnitForm", u"\u0e40\u0e0a\u0e48\u0e19 \u0e01\u0e2d\u0e07\u0e1b\u0e23\u0e30\u0e2a\u0e32\u0e19\u0e41\u0e25\u0e30\u0e40\u0e23\u0e48\u0e07\u0e23\u0e31\u0e14\u0e01\u0e32\u0e23\u0e1e\u0e31\u0e12\u0e19\u0e32\u0e1e\u0e37\u0e49\u0e19\u0e17\u0e35\u0e48\u0e1e\u0e34\u0e40\u0e28\u0e29\u0e08\u0e31\u0e07\u0e2b\u0e27\u0e31\u0e14\u0e0a\u0e32\u0e22\u0e41\u0e14\u0e19\u0e20\u0e32\u0e04\u0e43\u0e15\u0e49", None))
        self.shortNameLabel.setText(QCoreApplication.translate("OrgUnitForm", u"\u0e0a\u0e37\u0e48\u0e2d\u0e22\u0e48\u0e2d", None))
        self.shortName.setPlaceholderText(QCoreApplication.translate("OrgUnitForm", u"\u0e40\u0e0a\u0e48\u0e19 \u0e01\u0e1b\u0e1e.", None))
#if QT_CONFIG(tooltip)
        self.shortName.setToolTip(QCoreApplication.translate("OrgUnitForm", u"\u0e0a\u0e37\u0e48\u0e2d\u0e22\u0e48\u0e2d\u0e17\u0e35\u0e48\u0e43\u0e0a\u0e49\u0e43\u0e19\u0e15\u0e32\u0e23\u0e32\u0e07\u0e41\u0e25\u0e30\u0e2b\u0e19\u0e31\u0e07\u0e2a\u0e37\u0e2d \u0e15\u0e49\u0e2d\u0e07\u0e44\u0e21\u0e48\u0e0b\u0e49\u0e33\u0e01\u0e31\u0e1a\u0e2b\u0e19\u0e48\u0e27\u0e22\u0e07\u0e32\u0e19\u0e2d\u0e37\u0e48\u0e19", None))
#endif // QT_CONFIG(tooltip)
        self.kindLabel.setText(QCoreApplication.translate("OrgUnitForm", u"\u0e1b\u0e23\u0e30\u0e40\u0e20\u0e17", None))
        self.parentLabel.setText(QCoreApplication.translate("OrgUnitForm", u"\u0e2a\u0e31\u0e07\u0e01\u0e31\u0e14", None))
#if QT_CONFIG(tooltip)
        self.parent.setToolTip(QCoreApplication.translate("OrgUnitForm", u"\u0e2b\u0e19\u0e48\u0e27\u0e22\u0e07\u0e32\u0e19\u0e41\u0e21\u0e48 \u0e40\u0e0a\u0e48\u0e19 \u0e01\u0e2d\u0e07\u0e15\u0e48\u0e32\u0e07 \u0e46 \u0e2a\u0e31\u0e07\u0e01\u0e31\u0e14 \u0e28\u0e2d.\u0e1a\u0e15.", None))
#endif // QT_CONFIG(tooltip)
        pass
    # retranslateUi

