# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'settings_page.ui'
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
from PySide6.QtWidgets import (QApplication, QComboBox, QFormLayout, QGroupBox,
    QHBoxLayout, QLabel, QLineEdit, QPushButton,
    QRadioButton, QSizePolicy, QSpacerItem, QVBoxLayout,
    QWidget)

from sbpac_desktop.gui.text import ThaiLabel

class Ui_SettingsPage(object):
    def setupUi(self, SettingsPage):
        if not SettingsPage.objectName():
            SettingsPage.setObjectName(u"SettingsPage")
        SettingsPage.resize(900, 640)
        self.pageLayout = QVBoxLayout(SettingsPage)
        self.pageLayout.setSpacing(12)
        self.pageLayout.setObjectName(u"pageLayout")
        self.pageLayout.setContentsMargins(16, 12, 16, 12)
        self.heading = QLabel(SettingsPage)
        self.heading.setObjectName(u"heading")

        self.pageLayout.addWidget(self.heading)

        self.displayGroup = QGroupBox(SettingsPage)
        self.displayGroup.setObjectName(u"displayGroup")
        self.displayForm = QFormLayout(self.displayGroup)
        self.displayForm.setObjectName(u"displayForm")
        self.displayForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.displayForm.setLabelAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignVCenter)
        self.displayForm.setHorizontalSpacing(12)
        self.displayForm.setVerticalSpacing(8)
        self.languageLabel = QLabel(self.displayGroup)
        self.languageLabel.setObjectName(u"languageLabel")

        self.displayForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.languageLabel)

        self.languageRow = QHBoxLayout()
        self.languageRow.setSpacing(8)
        self.languageRow.setObjectName(u"languageRow")
        self.languageCombo = QComboBox(self.displayGroup)
        self.languageCombo.setObjectName(u"languageCombo")
        self.languageCombo.setMinimumSize(QSize(220, 0))

        self.languageRow.addWidget(self.languageCombo)

        self.languageNote = QLabel(self.displayGroup)
        self.languageNote.setObjectName(u"languageNote")

        self.languageRow.addWidget(self.languageNote)

        self.languageRowSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.languageRow.addItem(self.languageRowSpacer)


        self.displayForm.setLayout(0, QFormLayout.ItemRole.FieldRole, self.languageRow)


        self.pageLayout.addWidget(self.displayGroup)

        self.documentsGroup = QGroupBox(SettingsPage)
        self.documentsGroup.setObjectName(u"documentsGroup")
        self.documentsForm = QFormLayout(self.documentsGroup)
        self.documentsForm.setObjectName(u"documentsForm")
        self.documentsForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.documentsForm.setLabelAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignVCenter)
        self.documentsForm.setHorizontalSpacing(12)
        self.documentsForm.setVerticalSpacing(8)
        self.digitsLabel = QLabel(self.documentsGroup)
        self.digitsLabel.setObjectName(u"digitsLabel")

        self.documentsForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.digitsLabel)

        self.digitsRow = QHBoxLayout()
        self.digitsRow.setSpacing(8)
        self.digitsRow.setObjectName(u"digitsRow")
        self.thaiDigitsRadio = QRadioButton(self.documentsGroup)
        self.thaiDigitsRadio.setObjectName(u"thaiDigitsRadio")
        self.thaiDigitsRadio.setChecked(True)

        self.digitsRow.addWidget(self.thaiDigitsRadio)

        self.arabicDigitsRadio = QRadioButton(self.documentsGroup)
        self.arabicDigitsRadio.setObjectName(u"arabicDigitsRadio")

        self.digitsRow.addWidget(self.arabicDigitsRadio)

        self.digitsRowSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.digitsRow.addItem(self.digitsRowSpacer)


        self.documentsForm.setLayout(0, QFormLayout.ItemRole.FieldRole, self.digitsRow)

        self.seriesLabel = QLabel(self.documentsGroup)
        self.seriesLabel.setObjectName(u"seriesLabel")

        self.documentsForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.seriesLabel)

        self.seriesCombo = QComboBox(self.documentsGroup)
        self.seriesCombo.setObjectName(u"seriesCombo")
        self.seriesCombo.setMinimumSize(QSize(320, 0))

        self.documentsForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.seriesCombo)

        self.saveRow = QHBoxLayout()
        self.saveRow.setSpacing(8)
        self.saveRow.setObjectName(u"saveRow")
        self.saveButton = QPushButton(self.documentsGroup)
        self.saveButton.setObjectName(u"saveButton")

        self.saveRow.addWidget(self.saveButton)

        self.documentsMessage = ThaiLabel(self.documentsGroup)
        self.documentsMessage.setObjectName(u"documentsMessage")

        self.saveRow.addWidget(self.documentsMessage)

        self.saveRowSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.saveRow.addItem(self.saveRowSpacer)


        self.documentsForm.setLayout(2, QFormLayout.ItemRole.FieldRole, self.saveRow)


        self.pageLayout.addWidget(self.documentsGroup)

        self.databaseGroup = QGroupBox(SettingsPage)
        self.databaseGroup.setObjectName(u"databaseGroup")
        self.databaseForm = QFormLayout(self.databaseGroup)
        self.databaseForm.setObjectName(u"databaseForm")
        self.databaseForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.databaseForm.setLabelAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignVCenter)
        self.databaseForm.setHorizontalSpacing(12)
        self.databaseForm.setVerticalSpacing(8)
        self.currentLabel = QLabel(self.databaseGroup)
        self.currentLabel.setObjectName(u"currentLabel")

        self.databaseForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.currentLabel)

        self.currentDatabase = QLabel(self.databaseGroup)
        self.currentDatabase.setObjectName(u"currentDatabase")
        self.currentDatabase.setWordWrap(True)
        self.currentDatabase.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.databaseForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.currentDatabase)

        self.fileLabel = QLabel(self.databaseGroup)
        self.fileLabel.setObjectName(u"fileLabel")

        self.databaseForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.fileLabel)

        self.fileRow = QHBoxLayout()
        self.fileRow.setSpacing(8)
        self.fileRow.setObjectName(u"fileRow")
        self.openFileButton = QPushButton(self.databaseGroup)
        self.openFileButton.setObjectName(u"openFileButton")

        self.fileRow.addWidget(self.openFileButton)

        self.fileRowSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.fileRow.addItem(self.fileRowSpacer)


        self.databaseForm.setLayout(1, QFormLayout.ItemRole.FieldRole, self.fileRow)

        self.urlLabel = QLabel(self.databaseGroup)
        self.urlLabel.setObjectName(u"urlLabel")

        self.databaseForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.urlLabel)

        self.urlEdit = QLineEdit(self.databaseGroup)
        self.urlEdit.setObjectName(u"urlEdit")
        self.urlEdit.setClearButtonEnabled(True)

        self.databaseForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.urlEdit)

        self.serverRow = QHBoxLayout()
        self.serverRow.setSpacing(8)
        self.serverRow.setObjectName(u"serverRow")
        self.testButton = QPushButton(self.databaseGroup)
        self.testButton.setObjectName(u"testButton")

        self.serverRow.addWidget(self.testButton)

        self.connectButton = QPushButton(self.databaseGroup)
        self.connectButton.setObjectName(u"connectButton")

        self.serverRow.addWidget(self.connectButton)

        self.serverRowSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.serverRow.addItem(self.serverRowSpacer)


        self.databaseForm.setLayout(3, QFormLayout.ItemRole.FieldRole, self.serverRow)

        self.databaseMessage = ThaiLabel(self.databaseGroup)
        self.databaseMessage.setObjectName(u"databaseMessage")

        self.databaseForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.databaseMessage)

        self.logLabel = QLabel(self.databaseGroup)
        self.logLabel.setObjectName(u"logLabel")

        self.databaseForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.logLabel)

        self.logPath = QLabel(self.databaseGroup)
        self.logPath.setObjectName(u"logPath")
        self.logPath.setWordWrap(True)
        self.logPath.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.databaseForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.logPath)


        self.pageLayout.addWidget(self.databaseGroup)

        self.bottomSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.pageLayout.addItem(self.bottomSpacer)

#if QT_CONFIG(shortcut)
        self.languageLabel.setBuddy(self.languageCombo)
        self.seriesLabel.setBuddy(self.seriesCombo)
        self.urlLabel.setBuddy(self.urlEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.languageCombo, self.thaiDigitsRadio)
        QWidget.setTabOrder(self.thaiDigitsRadio, self.arabicDigitsRadio)
        QWidget.setTabOrder(self.arabicDigitsRadio, self.seriesCombo)
        QWidget.setTabOrder(self.seriesCombo, self.saveButton)
        QWidget.setTabOrder(self.saveButton, self.openFileButton)
        QWidget.setTabOrder(self.openFileButton, self.urlEdit)
        QWidget.setTabOrder(self.urlEdit, self.testButton)
        QWidget.setTabOrder(self.testButton, self.connectButton)

        self.retranslateUi(SettingsPage)

        QMetaObject.connectSlotsByName(SettingsPage)
    # setupUi

    def retranslateUi(self, SettingsPage):
        self.heading.setText(QCoreApplication.translate("SettingsPage", u"\u0e15\u0e31\u0e49\u0e07\u0e04\u0e48\u0e32", None))
        self.displayGroup.setTitle(QCoreApplication.translate("SettingsPage", u"\u0e01\u0e32\u0e23\u0e41\u0e2a\u0e14\u0e07\u0e1c\u0e25 (\u0e40\u0e09\u0e1e\u0e32\u0e30\u0e40\u0e04\u0e23\u0e37\u0e48\u0e2d\u0e07\u0e19\u0e35\u0e49)", None))
        self.languageLabel.setText(QCoreApplication.translate("SettingsPage", u"\u0e20\u0e32\u0e29\u0e32\u0e02\u0e2d\u0e07\u0e42\u0e1b\u0e23\u0e41\u0e01\u0e23\u0e21", None))
        self.languageNote.setText(QCoreApplication.translate("SettingsPage", u"\u0e40\u0e1b\u0e25\u0e35\u0e48\u0e22\u0e19\u0e41\u0e25\u0e49\u0e27\u0e21\u0e35\u0e1c\u0e25\u0e17\u0e31\u0e19\u0e17\u0e35", None))
        self.documentsGroup.setTitle(QCoreApplication.translate("SettingsPage", u"\u0e40\u0e2d\u0e01\u0e2a\u0e32\u0e23\u0e41\u0e25\u0e30\u0e01\u0e32\u0e23\u0e1b\u0e23\u0e30\u0e0a\u0e38\u0e21 (\u0e43\u0e0a\u0e49\u0e23\u0e48\u0e27\u0e21\u0e01\u0e31\u0e19\u0e17\u0e31\u0e49\u0e07\u0e2b\u0e19\u0e48\u0e27\u0e22\u0e07\u0e32\u0e19)", None))
        self.digitsLabel.setText(QCoreApplication.translate("SettingsPage", u"\u0e15\u0e31\u0e27\u0e40\u0e25\u0e02\u0e43\u0e19\u0e40\u0e2d\u0e01\u0e2a\u0e32\u0e23\u0e17\u0e35\u0e48\u0e1e\u0e34\u0e21\u0e1e\u0e4c", None))
        self.thaiDigitsRadio.setText(QCoreApplication.translate("SettingsPage", u"\u0e40\u0e25\u0e02\u0e44\u0e17\u0e22 (\u0e51 \u0e52 \u0e53)", None))
        self.arabicDigitsRadio.setText(QCoreApplication.translate("SettingsPage", u"\u0e40\u0e25\u0e02\u0e2d\u0e32\u0e23\u0e1a\u0e34\u0e01 (1 2 3)", None))
        self.seriesLabel.setText(QCoreApplication.translate("SettingsPage", u"\u0e0a\u0e38\u0e14\u0e01\u0e32\u0e23\u0e1b\u0e23\u0e30\u0e0a\u0e38\u0e21\u0e40\u0e23\u0e34\u0e48\u0e21\u0e15\u0e49\u0e19", None))
        self.saveButton.setText(QCoreApplication.translate("SettingsPage", u"\u0e1a\u0e31\u0e19\u0e17\u0e36\u0e01\u0e01\u0e32\u0e23\u0e15\u0e31\u0e49\u0e07\u0e04\u0e48\u0e32", None))
#if QT_CONFIG(tooltip)
        self.saveButton.setToolTip(QCoreApplication.translate("SettingsPage", u"\u0e1a\u0e31\u0e19\u0e17\u0e36\u0e01\u0e15\u0e31\u0e27\u0e40\u0e25\u0e02\u0e43\u0e19\u0e40\u0e2d\u0e01\u0e2a\u0e32\u0e23\u0e41\u0e25\u0e30\u0e0a\u0e38\u0e14\u0e01\u0e32\u0e23\u0e1b\u0e23\u0e30\u0e0a\u0e38\u0e21\u0e40\u0e23\u0e34\u0e48\u0e21\u0e15\u0e49\u0e19 (Ctrl+S)", None))
#endif // QT_CONFIG(tooltip)
        self.databaseGroup.setTitle(QCoreApplication.translate("SettingsPage", u"\u0e10\u0e32\u0e19\u0e02\u0e49\u0e2d\u0e21\u0e39\u0e25 (\u0e40\u0e09\u0e1e\u0e32\u0e30\u0e40\u0e04\u0e23\u0e37\u0e48\u0e2d\u0e07\u0e19\u0e35\u0e49)", None))
        self.currentLabel.setText(QCoreApplication.translate("SettingsPage", u"\u0e10\u0e32\u0e19\u0e02\u0e49\u0e2d\u0e21\u0e39\u0e25\u0e17\u0e35\u0e48\u0e43\u0e0a\u0e49\u0e2d\u0e22\u0e39\u0e48", None))
        self.fileLabel.setText(QCoreApplication.translate("SettingsPage", u"\u0e44\u0e1f\u0e25\u0e4c SQLite", None))
        self.openFileButton.setText(QCoreApplication.translate("SettingsPage", u"\u0e40\u0e1b\u0e34\u0e14\u0e44\u0e1f\u0e25\u0e4c\u0e10\u0e32\u0e19\u0e02\u0e49\u0e2d\u0e21\u0e39\u0e25\u0e2d\u0e37\u0e48\u0e19\u2026", None))
#if QT_CONFIG(tooltip)
        self.openFileButton.setToolTip(QCoreApplication.translate("SettingsPage", u"\u0e40\u0e25\u0e37\u0e2d\u0e01\u0e44\u0e1f\u0e25\u0e4c\u0e10\u0e32\u0e19\u0e02\u0e49\u0e2d\u0e21\u0e39\u0e25 SQLite (.db) \u0e17\u0e35\u0e48\u0e21\u0e35\u0e2d\u0e22\u0e39\u0e48\u0e41\u0e25\u0e49\u0e27\u0e41\u0e25\u0e49\u0e27\u0e40\u0e1b\u0e34\u0e14\u0e43\u0e0a\u0e49\u0e41\u0e17\u0e19", None))
#endif // QT_CONFIG(tooltip)
        self.urlLabel.setText(QCoreApplication.translate("SettingsPage", u"\u0e40\u0e0b\u0e34\u0e23\u0e4c\u0e1f\u0e40\u0e27\u0e2d\u0e23\u0e4c PostgreSQL", None))
        self.urlEdit.setPlaceholderText(QCoreApplication.translate("SettingsPage", u"postgresql+psycopg://\u0e1c\u0e39\u0e49\u0e43\u0e0a\u0e49:\u0e23\u0e2b\u0e31\u0e2a\u0e1c\u0e48\u0e32\u0e19@\u0e40\u0e04\u0e23\u0e37\u0e48\u0e2d\u0e07\u0e41\u0e21\u0e48\u0e02\u0e48\u0e32\u0e22/sbpac", None))
        self.testButton.setText(QCoreApplication.translate("SettingsPage", u"\u0e17\u0e14\u0e2a\u0e2d\u0e1a\u0e01\u0e32\u0e23\u0e40\u0e0a\u0e37\u0e48\u0e2d\u0e21\u0e15\u0e48\u0e2d", None))
#if QT_CONFIG(tooltip)
        self.testButton.setToolTip(QCoreApplication.translate("SettingsPage", u"\u0e25\u0e2d\u0e07\u0e40\u0e0a\u0e37\u0e48\u0e2d\u0e21\u0e15\u0e48\u0e2d\u0e42\u0e14\u0e22\u0e44\u0e21\u0e48\u0e40\u0e1b\u0e25\u0e35\u0e48\u0e22\u0e19\u0e10\u0e32\u0e19\u0e02\u0e49\u0e2d\u0e21\u0e39\u0e25\u0e17\u0e35\u0e48\u0e43\u0e0a\u0e49\u0e2d\u0e22\u0e39\u0e48", None))
#endif // QT_CONFIG(tooltip)
        self.connectButton.setText(QCoreApplication.translate("SettingsPage", u"\u0e40\u0e0a\u0e37\u0e48\u0e2d\u0e21\u0e15\u0e48\u0e2d\u0e41\u0e25\u0e30\u0e43\u0e0a\u0e49\u0e10\u0e32\u0e19\u0e02\u0e49\u0e2d\u0e21\u0e39\u0e25\u0e19\u0e35\u0e49", None))
        self.logLabel.setText(QCoreApplication.translate("SettingsPage", u"\u0e44\u0e1f\u0e25\u0e4c\u0e1a\u0e31\u0e19\u0e17\u0e36\u0e01\u0e01\u0e32\u0e23\u0e17\u0e33\u0e07\u0e32\u0e19 (log)", None))
        pass
    # retranslateUi

